package typo

// OldCheck is the old implementation of Check (oracle_test.go), for the
// tests of package typo_test.
func OldCheck(s string) []Issue { return oldCheck(s) }
