# ctest bench.speed_of_light_matches_ccsim: the speed-of-light loop draws what ccsim draws,
# so on model A cut to CALLS calls its counts must equal `ccsim run`'s exactly; a
# difference means one of the two no longer simulates M/M/c+M as the other does.
# Inputs (-D): CCSIM, SPEED_OF_LIGHT, SCENARIO, WORK_DIR, CALLS.
file(READ ${SCENARIO} scenario)
string(JSON scenario SET "${scenario}" steady_state calls ${CALLS})
file(MAKE_DIRECTORY ${WORK_DIR})
set(small ${WORK_DIR}/model_a_${CALLS}.json)
file(WRITE ${small} "${scenario}")

execute_process(COMMAND ${CCSIM} run ${small} --quiet --threads 1 --json ${WORK_DIR}/ccsim.json
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "ccsim run failed (${rc}): ${err}")
endif()
file(READ ${WORK_DIR}/ccsim.json ccsim_json)

execute_process(COMMAND ${SPEED_OF_LIGHT} --calls ${CALLS} RESULT_VARIABLE rc OUTPUT_VARIABLE sol ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "ccsim_speed_of_light failed (${rc}): ${err}")
endif()

foreach(kpi offered answered abandoned)
  string(JSON from_ccsim GET "${ccsim_json}" kpis overall ${kpi} mean)
  if(NOT sol MATCHES "${kpi} ([0-9]+)")
    message(FATAL_ERROR "ccsim_speed_of_light printed no '${kpi}' line:\n${sol}")
  endif()
  if(NOT from_ccsim EQUAL CMAKE_MATCH_1)
    message(FATAL_ERROR "${kpi}: ccsim ${from_ccsim}, speed of light ${CMAKE_MATCH_1} (${CALLS} calls)")
  endif()
endforeach()
