#include "analyse/inoperability.h"
