package report

import "sort"

// SortFindings orders findings by line, keeping the order of findings on
// the same line.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Line < fs[j].Line })
}
