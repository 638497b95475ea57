// tests/fuzz/sweep_edit_fuzzer.cc
// libFuzzer target: any bytes as `ccsim sweep --vary` arguments on a small scenario,
// through exercise_sweep_edits. Built with -DCCSIM_FUZZ=ON and clang (docs/fuzzing.md).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string_view>

#include "tests/fuzz/sweep_edit_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    ccsim::cli::testing::exercise_sweep_edits(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const std::exception& e) {
    // Abort rather than let the exception escape, so the report carries what() and libFuzzer
    // saves the input as a crash.
    std::fprintf(stderr, "sweep edit fuzzer: unexpected exception: %s\n", e.what());
    std::abort();
  }
  return 0;
}
