// Command govreport turns a township government work report (政府工作报告)
// into Markdown content, indicator data and a static disclosure site.
//
// Usage:
//
//	govreport <command> [flags] [arguments]
//
// Run "govreport help" for the commands.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"runtime/pprof"
	"sort"
)

// command is one subcommand of the CLI.
type command struct {
	usage   string // arguments, after the command name
	summary string
	run     func(c *cli, args []string) error
}

var commands = map[string]command{}

// cli carries a run's output streams, so tests can capture them.
type cli struct {
	stdout, stderr io.Writer
}

// exitError asks for an exit status other than 2 without a message of its own.
type exitError int

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", int(e)) }

func main() {
	// A build of a large archive holds every report in memory, and Go's
	// collector lets the heap grow to twice what is live before it
	// collects: a soft limit keeps a 10,000-report build under 2.5 GB by
	// collecting sooner near it. GOMEMLIMIT, when set, wins.
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	// GOVREPORT_CPUPROFILE=FILE writes a CPU profile of the run, for
	// `go tool pprof` (how the figures in the README were found).
	if path := os.Getenv("GOVREPORT_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil && pprof.StartCPUProfile(f) == nil {
			code := run(os.Args[1:], os.Stdout, os.Stderr)
			pprof.StopCPUProfile()
			f.Close()
			os.Exit(code)
		}
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// memoryLimit is the soft memory limit of a govreport run.
const memoryLimit = 2 << 30

// run executes the command line args and returns the exit status: 0 on
// success, 1 when a check failed (lint --strict), 2 on bad input or usage.
func run(args []string, stdout, stderr io.Writer) int {
	c := &cli{stdout, stderr}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		c.help(args)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "govreport: unknown command %q; run 'govreport help'\n", args[0])
		return 2
	}
	err := cmd.run(c, args[1:])
	var code exitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &code):
		return int(code)
	case errors.Is(err, flag.ErrHelp):
		return 0
	}
	fmt.Fprintf(stderr, "govreport %s: %v\n", args[0], err)
	return 2
}

func (c *cli) help(args []string) {
	if len(args) > 1 {
		if cmd, ok := commands[args[1]]; ok {
			fmt.Fprintf(c.stdout, "usage: govreport %s %s\n\n%s\n", args[1], cmd.usage, cmd.summary)
			return
		}
	}
	fmt.Fprintln(c.stdout, "govreport turns a government work report into Markdown content, data and a static site.")
	fmt.Fprintln(c.stdout, "\nusage: govreport <command> [flags] [arguments]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(c.stdout, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(c.stdout, "\nRun 'govreport help <command>' for its flags.")
}

// flags returns a flag set for a command that reports errors and usage to
// the run's stderr.
func (c *cli) flags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(c.stderr)
	fs.Usage = func() {
		fmt.Fprintf(c.stderr, "usage: govreport %s %s\n", name, commands[name].usage)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses a command's flags and checks that want arguments follow
// (any number when want < 0); on a wrong count it prints the usage.
func parse(fl *flag.FlagSet, args []string, want int) error {
	if err := fl.Parse(args); err != nil {
		return err
	}
	if want >= 0 && fl.NArg() != want {
		fl.Usage()
		return exitError(2)
	}
	return nil
}
