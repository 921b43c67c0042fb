#pragma once
// The public interface of src/policy in one include: loading and validating
// policies/*.xml, choosing the policy that claims an article, and placing an
// article in that policy's history. Test-case data: policy/test_cases.h.
#include "policy/claim.h"
#include "policy/digest.h"
#include "policy/load.h"
#include "policy/resolve.h"
