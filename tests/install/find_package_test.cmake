# tests/install/find_package_test.cmake
# ctest label "install": what a user of an installed ccsim gets. Installs the current
# build tree into WORK_DIR/prefix, checks that no installed header includes a private
# header or a dependency the package does not provide, compiles every installed header
# alone, then builds docs/embedding with find_package(ccsim) and checks its output.
# Run by ctest after the build: cmake -DCCSIM_SOURCE_DIR=... -DCCSIM_BINARY_DIR=...
#   -DWORK_DIR=... -DGENERATOR=... -DCXX_COMPILER=... -P find_package_test.cmake
cmake_minimum_required(VERSION 3.25)

foreach(var IN ITEMS CCSIM_SOURCE_DIR CCSIM_BINARY_DIR WORK_DIR GENERATOR CXX_COMPILER)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "find_package_test.cmake: -D${var}=... is required")
  endif()
endforeach()

# Runs a command; on failure prints its output and stops the test.
function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${ARGN}\n${out}\n${err}")
  endif()
  set(run_output "${out}" PARENT_SCOPE)
endfunction()

set(prefix ${WORK_DIR}/prefix)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

if(NOT EXISTS ${CCSIM_BINARY_DIR}/cmake_install.cmake)
  message(FATAL_ERROR "${CCSIM_BINARY_DIR} has no install rules: configure with CCSIM_INSTALL=ON and build first")
endif()
run("cmake --install (build the tree first: cmake --build)" ${CMAKE_COMMAND} --install ${CCSIM_BINARY_DIR}
    --prefix ${prefix})

# ---- what is installed --------------------------------------------------------------
file(GLOB_RECURSE config_files ${prefix}/lib*/cmake/ccsim/ccsimConfig.cmake)
file(GLOB_RECURSE libraries ${prefix}/lib*/libccsim_models.a ${prefix}/lib*/libccsim_sim.a)
list(LENGTH libraries n_libraries)
if(NOT config_files OR NOT n_libraries EQUAL 2 OR NOT EXISTS ${prefix}/bin/ccsim)
  message(FATAL_ERROR "incomplete install in ${prefix}: config '${config_files}', libraries '${libraries}', bin/ccsim")
endif()
# Built with MPI (-DWITH_MPI=ON), ccsim execs the ccsim-mpi beside it under a launcher.
if(WITH_MPI AND NOT EXISTS ${prefix}/bin/ccsim-mpi)
  message(FATAL_ERROR "incomplete install in ${prefix}: no bin/ccsim-mpi, which ccsim runs as under mpirun")
endif()

set(include_dir ${prefix}/include/ccsim)
file(GLOB_RECURSE headers RELATIVE ${include_dir} ${include_dir}/*.h)
list(LENGTH headers n_headers)
foreach(must IN ITEMS models/replication.h models/scenario/spec.h models/scenario/validate_spec.h sim/engine.h)
  if(NOT must IN_LIST headers)
    message(FATAL_ERROR "${must} is not installed under ${include_dir}")
  endif()
endforeach()
if(EXISTS ${include_dir}/models/scenario/load_internal.h)
  message(FATAL_ERROR "the private models/scenario/load_internal.h was installed")
endif()

# No installed header may include a library the package does not bring (fmt, nlohmann,
# Boost, CLI11 are used in .cc files only) or a project header that is not installed.
set(leaks "")
foreach(h IN LISTS headers)
  file(STRINGS ${include_dir}/${h} includes REGEX "^[ \t]*#[ \t]*include")
  foreach(line IN LISTS includes)
    if(line MATCHES "<(fmt|nlohmann|boost|CLI|gtest|benchmark)/")
      string(APPEND leaks "  ${h}: ${line}\n")
    elseif(line MATCHES "\"([^\"]+)\"")
      # A separate if: ${CMAKE_MATCH_1} is expanded before the if that sets it runs.
      if(NOT EXISTS ${include_dir}/${CMAKE_MATCH_1})
        string(APPEND leaks "  ${h}: ${line} (not installed)\n")
      endif()
    endif()
  endforeach()
endforeach()
if(leaks)
  message(FATAL_ERROR "installed headers include what a user of the package does not have:\n${leaks}")
endif()

# ---- every installed header compiles alone, twice included, through ccsim::ccsim -----
set(check_dir ${WORK_DIR}/headers)
set(sources "")
foreach(h IN LISTS headers)
  string(MAKE_C_IDENTIFIER ${h} name)
  file(WRITE ${check_dir}/${name}.cc "#include \"${h}\"\n#include \"${h}\"\n")
  list(APPEND sources ${name}.cc)
endforeach()
list(JOIN sources " " sources)
file(WRITE ${check_dir}/CMakeLists.txt "cmake_minimum_required(VERSION 3.25)
project(ccsim_header_check LANGUAGES CXX)
find_package(ccsim 0.1 REQUIRED)
add_library(header_check OBJECT ${sources})
target_compile_options(header_check PRIVATE -Wall -Wextra -Wpedantic -Werror)
target_link_libraries(header_check PRIVATE ccsim::ccsim)
")
run("configuring the header check" ${CMAKE_COMMAND} -S ${check_dir} -B ${check_dir}/build -G ${GENERATOR}
    -DCMAKE_CXX_COMPILER=${CXX_COMPILER} -DCMAKE_PREFIX_PATH=${prefix})
run("compiling each installed header alone" ${CMAKE_COMMAND} --build ${check_dir}/build -j 2)

# ---- docs/embedding, as a user builds it ---------------------------------------------
set(example_build ${WORK_DIR}/embedding)
run("configuring docs/embedding with find_package(ccsim)" ${CMAKE_COMMAND} -S ${CCSIM_SOURCE_DIR}/docs/embedding
    -B ${example_build} -G ${GENERATOR} -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=${CXX_COMPILER}
    -DCMAKE_PREFIX_PATH=${prefix})
run("building docs/embedding" ${CMAKE_COMMAND} --build ${example_build} -j 2)
run("running the example" ${example_build}/embedding_example
    ${prefix}/share/ccsim/scenarios/examples/erlang_c_14_agents.json)
set(output "${run_output}")

# A service level strictly inside (0, 1) with a half-width, an ASA, and a verdict per
# target, first for the spec built in code, then for the installed scenario file.
foreach(scenario IN ITEMS billing_morning erlang_c_14_agents)
  if(NOT output MATCHES "${scenario}: [0-9]+ replications[^\n]*\n  service level (0\\.[0-9]+) ± ([0-9.]+)")
    message(FATAL_ERROR "no service level line for ${scenario} in the example's output:\n${output}")
  endif()
  if(NOT CMAKE_MATCH_1 GREATER 0 OR NOT CMAKE_MATCH_2 GREATER 0)
    message(FATAL_ERROR "${scenario}: service level ${CMAKE_MATCH_1} ± ${CMAKE_MATCH_2} is not in (0, 1) with a "
                        "positive half-width:\n${output}")
  endif()
endforeach()
foreach(line IN ITEMS "  ASA [0-9.]+ s ± [0-9.]+ s" "  target service_level >= 0.8: (met|missed|inconclusive)\n"
                      "  target p_abandon_over_admitted <= 0.05: (met|missed|inconclusive)\n"
                      "billing_morning: /agent_groups/0/staffing: expected 3 values \\(num_periods\\), got 2\n")
  if(NOT output MATCHES "${line}")
    message(FATAL_ERROR "the example's output has no line matching '${line}':\n${output}")
  endif()
endforeach()
# ---- add_subdirectory: configure only (building would compile ccsim again) -----------
set(parent ${WORK_DIR}/subproject)
file(WRITE ${parent}/CMakeLists.txt "cmake_minimum_required(VERSION 3.25)
project(ccsim_subproject_check LANGUAGES CXX)
add_subdirectory(${CCSIM_SOURCE_DIR} ccsim)
add_executable(embedding_example ${CCSIM_SOURCE_DIR}/docs/embedding/main.cc)
target_link_libraries(embedding_example PRIVATE ccsim::ccsim)
foreach(t IN ITEMS ccsim_unit_tests ccsim_bench)
  if(TARGET \${t})
    message(FATAL_ERROR \"\${t} is defined although ccsim is not the top-level project\")
  endif()
endforeach()
if(CCSIM_INSTALL OR CMAKE_BUILD_TYPE)
  message(FATAL_ERROR \"ccsim as a subproject set CCSIM_INSTALL '\${CCSIM_INSTALL}' or the build type '\${CMAKE_BUILD_TYPE}'\")
endif()
")
run("configuring a project that adds ccsim with add_subdirectory" ${CMAKE_COMMAND} -S ${parent} -B ${parent}/build
    -G ${GENERATOR} -DCMAKE_CXX_COMPILER=${CXX_COMPILER})

message(STATUS "installed ${n_headers} headers that compile alone; docs/embedding built and ran:\n${output}")
