// Placeholder for the dependency analytics tests (issue 5).
