package indicator

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"
)

// WriteJSON writes the indicators as an indented JSON array, in UTF-8 with
// Chinese unescaped; the same indicators always give the same bytes.
func WriteJSON(w io.Writer, ins []Indicator) error {
	if ins == nil {
		ins = []Indicator{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(ins)
}

// WriteCompactJSON writes the indicators as WriteJSON does, without the
// indentation: the download a page offers. Numbers are written as Go
// writes them, 21000 and not 2.1e4, as every JSON reader takes them.
func WriteCompactJSON(w io.Writer, ins []Indicator) error {
	if ins == nil {
		ins = []Indicator{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(ins)
}

// csvHeader names the columns of WriteCSV, as JSON names its fields.
var csvHeader = []string{"anchor", "label", "written", "value", "upper", "unit", "magnitude", "base",
	"qualifier", "change", "redacted", "unit_missing", "kind", "year", "featured", "text"}

// WriteCSV writes the indicators as CSV with a header row, in UTF-8 with a
// byte-order mark so that Excel reads the Chinese right. A null value and
// an unknown year are empty cells.
func WriteCSV(w io.Writer, ins []Indicator) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("\uFEFF")
	cw := csv.NewWriter(bw)
	cw.Write(csvHeader)
	for _, in := range ins {
		cw.Write([]string{in.Anchor, in.Label, in.Written, num(in.Value), num(in.Upper), in.Unit,
			in.Magnitude, num(in.Base), in.Qualifier, flag(in.Change), flag(in.Redacted),
			flag(in.UnitMissing), in.Kind, year(in.Year), flag(in.Featured), in.Text})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// WriteTSV writes the indicators one a line, tab-separated, under a header
// row: anchor, label, value, unit, qualifier, redacted, kind, text. Tabs and
// line breaks inside a field become spaces.
func WriteTSV(w io.Writer, ins []Indicator) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("anchor\tlabel\tvalue\tunit\tqualifier\tredacted\tkind\ttext\n")
	for _, in := range ins {
		fields := []string{in.Anchor, in.Label, tsvValue(in), in.Unit, in.Qualifier, flag(in.Redacted), in.Kind, in.Text}
		for i, f := range fields {
			if i > 0 {
				bw.WriteByte('\t')
			}
			bw.WriteString(tsvField.Replace(f))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

var tsvField = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")

// tsvValue is the value column of WriteTSV: null, a number, or a range.
func tsvValue(in Indicator) string {
	if in.Value == nil {
		return "null"
	}
	if in.Upper != nil {
		return num(in.Value) + "~" + num(in.Upper)
	}
	return num(in.Value)
}

// year is the year column of WriteCSV: empty when unknown.
func year(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

func num(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

func flag(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
