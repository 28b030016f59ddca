// Command synth makes a govreport project of N synthetic reports for
// benchmarks (internal/synth): copies of the repository's reports under
// made-up places and years, with their figures varied. Not part of the
// product.
//
//	go run ./tools/synth -n 1000 -o /tmp/archive-1000
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/govreport/govreport/internal/synth"
)

func main() {
	n := flag.Int("n", 100, "number of reports")
	out := flag.String("o", "", "project `DIR` to create (must not exist)")
	repo := flag.String("repo", ".", "the govreport repository (config.toml, layouts/, static/, content/)")
	years := flag.Int("years", 10, "reports per place (consecutive years)")
	all := flag.Bool("all", false, "copy every bundled report in turn, not only the seed (larger reports: the provinces' and the State Council's)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "synth: -o DIR is required")
		os.Exit(2)
	}
	bases := []string{synth.Seed}
	if *all {
		bases = nil
	}
	if err := synth.ProjectOf(*repo, *out, *n, *years, bases); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}
