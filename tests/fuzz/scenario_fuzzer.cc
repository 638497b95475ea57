// tests/fuzz/scenario_fuzzer.cc
// libFuzzer target: any bytes as a scenario file, through exercise_scenario. Built with
// -DCCSIM_FUZZ=ON and clang; docs/fuzzing.md says how to run it for minutes or hours.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string_view>

#include "tests/fuzz/scenario_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    ccsim::models::testing::exercise_scenario(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const std::exception& e) {
    // Abort rather than let the exception escape, so the report carries what() and libFuzzer
    // saves the input as a crash.
    std::fprintf(stderr, "scenario fuzzer: unexpected exception: %s\n", e.what());
    std::abort();
  }
  return 0;
}
