#include "termguard.h"
