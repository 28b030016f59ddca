package indicator

import (
	"fmt"

	"github.com/govreport/govreport/internal/report"
)

// MaxFigures is the most quantities a report may state: about ten times
// what the most figure-laden real reports state (about 1,000). It keeps the
// figure tables and data files of one report bounded.
const MaxFigures = 10000

// CheckLimit refuses a report that states more than MaxFigures quantities,
// naming the file (name).
func CheckLimit(name string, doc *report.Doc) error {
	return CheckCount(name, len(Extract(doc)))
}

// CheckCount refuses n figures when they are more than MaxFigures, for a
// caller that has extracted them already.
func CheckCount(name string, n int) error {
	if n > MaxFigures {
		return fmt.Errorf("%s: %d figures, more than the %d a report may state (a long report states about 1,000): is this the right file?", name, n, MaxFigures)
	}
	return nil
}
