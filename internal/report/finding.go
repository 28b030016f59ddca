package report

import "fmt"

// Level says how much a finding matters.
type Level int

// Finding levels, least serious first.
const (
	Info    Level = iota // a normalisation made, a wrapper removed
	Warning              // something an editor should look at
	Error                // something that must be fixed before publication
)

var levelNames = [...]string{"info", "warning", "error"}

// String returns the level as lint prints it.
func (l Level) String() string {
	if l >= 0 && int(l) < len(levelNames) {
		return levelNames[l]
	}
	return "level?"
}

// Finding is one thing worth telling an editor about the text: a change the
// importer made, or something odd it left alone.
type Finding struct {
	Line    int    // 1-based line in the file read; 0 if unknown
	Level   Level  //
	Code    string // short stable name, e.g. "placeholder", "punct", "page-marker"
	Message string // what was seen or done, quoting the text
}

// Format renders the finding as lint prints it: path:line: level: message.
func (f Finding) Format(path string) string {
	return fmt.Sprintf("%s:%d: %s: %s (%s)", path, f.Line, f.Level, f.Message, f.Code)
}
