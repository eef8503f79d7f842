#include "analyse/paths.h"
