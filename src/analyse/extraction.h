// Placeholder: filled in by the dependency-analytics work (issue 5).
#pragma once
