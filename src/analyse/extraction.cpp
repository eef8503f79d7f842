#include "analyse/extraction.h"
