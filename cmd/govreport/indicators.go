package main

import (
	"fmt"
	"io"

	"github.com/govreport/govreport/internal/indicator"
)

func init() {
	commands["indicators"] = command{"[--format tsv|json|csv] FILE",
		"list every quantity a report (source or content) states: anchor, label, value, unit, qualifier, redacted, kind, text",
		(*cli).indicatorsCmd}
}

var indicatorWriters = map[string]func(io.Writer, []indicator.Indicator) error{
	"tsv": indicator.WriteTSV, "json": indicator.WriteJSON, "csv": indicator.WriteCSV,
}

func (c *cli) indicatorsCmd(args []string) error {
	fl := c.flags("indicators")
	format := fl.String("format", "tsv", "output `format`: tsv, json or csv")
	if err := parse(fl, args, 1); err != nil {
		return err
	}
	write, ok := indicatorWriters[*format]
	if !ok {
		fmt.Fprintf(c.stderr, "unknown format %q\n", *format)
		fl.Usage()
		return exitError(2)
	}
	doc, _, err := load(fl.Arg(0))
	if err != nil {
		return err
	}
	return write(c.stdout, indicator.Extract(doc))
}
