// models/scenario/law_finiteness.h
// Whether a law with valid parameters can still be simulated: its mean and every draw
// must be finite numbers. One rule for the loader and validate_spec.
#pragma once

#include <optional>
#include <string>

#include "sim/rng/distribution.h"

namespace ccsim::models::internal {

// Why a law with valid parameters still cannot be simulated: its mean or some draw would
// not be a finite number (cv 1e200 makes a gamma scale of inf, a mean_s of 1e308 an
// exponential draw of inf). The message says which, and what limit on one parameter
// fixes it, the others kept: "... ; accepted: cv <= 1.83e+152 with the other parameters
// as given ...". nullopt for a law that is fine. Shared by the loader (JSON names) and
// validate_spec; both report it at the law's pointer.
std::optional<std::string> law_not_finite(const sim::Distribution& d);

}  // namespace ccsim::models::internal
