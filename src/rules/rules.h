#pragma once
// The public interface of src/rules in one include: the rule model, the
// loader, the evaluator, age arithmetic and notice templates.
#include "rules/age.h"
#include "rules/decide.h"
#include "rules/loader.h"
#include "rules/references.h"
#include "rules/rule_set.h"
#include "rules/template.h"
