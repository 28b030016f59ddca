package source

import (
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
)

// findTables rebuilds tables flattened into text where their shape is
// certain, and flags the ones it is not sure of with "table?".
func (r *reader) findTables() {
	for i := 0; i < len(r.lines); {
		if end := r.cellLineTable(i); end > i {
			i = end
		} else if end := r.pipeRowTable(i); end > i {
			i = end
		} else {
			i++
		}
	}
	r.flagNumberRuns()
}

func isPipe(r rune) bool { return r == '|' || r == '｜' }

// hasPipe is strings.ContainsFunc(s, isPipe), without decoding s.
func hasPipe(s string) bool { return strings.IndexByte(s, '|') >= 0 || strings.Contains(s, "｜") }

// isCellSep is a line holding only "|": the boundary between two cells.
func isCellSep(s string) bool { return s == "|" || s == "｜" }

// isRowSep is a blank line or a line of only pipes ("||"): a row boundary.
func isRowSep(s string) bool {
	return s == "" || !isCellSep(s) && strings.TrimFunc(s, func(r rune) bool { return isPipe(r) || isHSpace(r) }) == ""
}

// cellLineTable rebuilds a table written one cell per line, with a "|" line
// between cells and a blank or "||" line between rows (a blank line right
// after "|" is an empty cell). Rows that run on with no break between them
// are cut at the one column count that gives the table a consistent shape.
// It returns the index after the table, or i if there is none at i.
func (r *reader) cellLineTable(i int) int {
	if i+1 >= len(r.lines) || !r.usable(i) || r.lines[i].text == "" || hasPipe(r.lines[i].text) ||
		!isCellSep(r.lines[i+1].text) {
		return i
	}
	cells, ends, end := r.readCells(i)
	var rows [][]string
	if len(ends) > 0 {
		rows = cutRows(cells, ends)
	} else {
		rows = inferRows(cells)
	}
	cols := 0
	if len(rows) > 0 {
		cols = len(rows[0])
	}
	for _, row := range rows {
		if len(row) != cols {
			cols = 0
		}
	}
	if len(rows) < 2 || cols < 2 {
		r.unsureTable(i, end)
		return end
	}
	r.setTable(i, end, rows, cols)
	return end
}

// usable reports whether line i is still there to be read.
func (r *reader) usable(i int) bool { return !r.lines[i].drop && r.lines[i].table == nil }

// readCells reads cells from line i on until the shape breaks: two cells
// with no "|" between them, or a row of one cell. ends holds the cell counts
// at which a row ended.
func (r *reader) readCells(i int) (cells []string, ends []int, end int) {
	wantCell, afterPipe := true, false
	j := i
	for j < len(r.lines) && r.usable(j) {
		t := r.lines[j].text
		switch {
		case isCellSep(t):
			if afterPipe {
				cells = append(cells, "") // "|" right after "|": an empty cell
			}
			wantCell, afterPipe = true, true
		case t == "" && afterPipe:
			cells = append(cells, "") // a blank line between two "|": an empty cell
			wantCell, afterPipe = false, false
		case isRowSep(t):
			if !wantCell || afterPipe {
				ends = append(ends, len(cells))
			}
			wantCell, afterPipe = true, false
		case !wantCell || !afterPipe && (j+1 >= len(r.lines) || !isCellSep(r.lines[j+1].text)):
			return cells, ends, j
		default:
			cells = append(cells, t)
			wantCell, afterPipe = false, false
		}
		j++
	}
	return cells, ends, j
}

// cutRows cuts cells into rows at the given ends, dropping empty rows.
func cutRows(cells []string, ends []int) [][]string {
	var rows [][]string
	start := 0
	for _, e := range append(ends, len(cells)) {
		if e > start {
			rows = append(rows, cells[start:e])
		}
		start = max(start, e)
	}
	return rows
}

// inferRows cuts cells that run on without row breaks into rows of n cells,
// for the one n (2-8) that divides them evenly, leaves a header row of text
// on top, and makes every column below it all numbers or all text (empty
// cells fit either). With no such n, or more than one, it returns nil.
func inferRows(cells []string) [][]string {
	var found [][]string
	for n := 2; n <= 8 && 2*n <= len(cells); n++ {
		if len(cells)%n != 0 {
			continue
		}
		rows := cutRows(cells, evenEnds(len(cells), n))
		if consistentColumns(rows) {
			if found != nil {
				return nil // two shapes fit: not sure which
			}
			found = rows
		}
	}
	return found
}

func evenEnds(total, n int) []int {
	var ends []int
	for e := n; e < total; e += n {
		ends = append(ends, e)
	}
	return ends
}

// consistentColumns reports a header row with no numbers, over columns each
// of one kind, at least one of them numbers.
func consistentColumns(rows [][]string) bool {
	for _, c := range rows[0] {
		if isNumberCell(c) {
			return false
		}
	}
	numeric := false
	for col := range rows[0] {
		nums, texts := 0, 0
		for _, row := range rows[1:] {
			switch c := row[col]; {
			case c == "":
			case isNumberCell(c):
				nums++
			default:
				texts++
			}
		}
		if nums > 0 && texts > 0 {
			return false
		}
		numeric = numeric || nums > 0
	}
	return numeric
}

// pipeRowTable rebuilds a table written a row per line, cell | cell |,
// possibly padded with | |||. Empty trailing cells are trimmed and short
// rows padded to the widest.
func (r *reader) pipeRowTable(i int) int {
	end := i
	for end < len(r.lines) && r.usable(end) && r.lines[end].text != "" &&
		!isCellSep(r.lines[end].text) && hasPipe(r.lines[end].text) {
		end++
	}
	if end == i {
		return i
	}
	var rows [][]string
	cols, wide := 0, 0
	for k := i; k < end; k++ {
		row := splitPipeRow(r.lines[k].text)
		if len(row) == 0 {
			continue // padding: | |||
		}
		rows = append(rows, row)
		cols = max(cols, len(row))
		if len(row) >= 2 {
			wide++
		}
	}
	switch {
	case wide >= 2:
		r.setTable(i, end, rows, cols)
	case wide == 1:
		r.unsureTable(i, end)
	}
	return end
}

// splitPipeRow splits "cell | cell |" into trimmed cells, without the empty
// cells before a leading pipe and after the last non-empty one.
func splitPipeRow(s string) []string {
	var cells []string
	for {
		k := strings.IndexFunc(s, isPipe)
		if k < 0 {
			cells = append(cells, strings.TrimFunc(s, isHSpace))
			break
		}
		cells = append(cells, strings.TrimFunc(s[:k], isHSpace))
		_, size := utf8.DecodeRuneInString(s[k:])
		s = s[k+size:]
	}
	if cells[0] == "" {
		cells = cells[1:] // before a leading pipe
	}
	n := len(cells)
	for n > 0 && cells[n-1] == "" {
		n--
	}
	return cells[:n]
}

// setTable replaces lines i..end-1 with a table of rows padded to cols.
func (r *reader) setTable(i, end int, rows [][]string, cols int) {
	for k, row := range rows {
		for len(row) < cols {
			row = append(row, "")
		}
		rows[k] = row
	}
	for k := i; k < end; k++ {
		r.lines[k].drop = true
	}
	last := r.lines[end-1].n
	for k := end - 1; k > i && r.lines[k].text == ""; k-- {
		last = r.lines[k-1].n
	}
	r.lines[i].table = &Para{Line: r.lines[i].n, Rows: rows}
	r.find(r.lines[i].n, report.Info, "table", "rebuilt a table of %d rows and %d columns from lines %d-%d",
		len(rows), cols, r.lines[i].n, last)
}

// unsureTable leaves lines i..end-1 as paragraphs, never joined, and asks
// an editor to look.
func (r *reader) unsureTable(i, end int) {
	for k := i; k < end; k++ {
		r.lines[k].keep = true
	}
	r.find(r.lines[i].n, report.Warning, "table?", "lines %d-%d look like a flattened table; check them", r.lines[i].n, r.lines[end-1].n)
}

// flagNumberRuns flags runs of short lines, many of them numbers, as
// tables that lost their shape (cells as separate paragraphs, a lone 0):
// the column count is not in the text, so they are left as they are.
func (r *reader) flagNumberRuns() {
	const minRun, minNums = 6, 3
	run, nums := []int{}, 0
	flush := func() {
		if len(run) >= minRun && nums >= minNums && nums*3 >= len(run) {
			r.unsureTable(run[0], run[len(run)-1]+1)
		}
		run, nums = run[:0], 0
	}
	for i, l := range r.lines {
		switch {
		case !r.usable(i) || l.keep:
			flush()
		case l.text == "":
		case shorter(l.text, 16) && !endsSentence(l.text) && !startsBlock(l.text):
			run = append(run, i)
			if isNumberCell(l.text) {
				nums++
			}
		default:
			flush()
		}
	}
	flush()
}

// isNumberCell reports a cell holding only a number (0, 12, 3.5%, -).
func isNumberCell(s string) bool {
	return strings.TrimFunc(s, func(r rune) bool {
		return r >= '0' && r <= '9' || strings.ContainsRune(".%％-—,，", r)
	}) == "" && strings.ContainsAny(s, "0123456789")
}
