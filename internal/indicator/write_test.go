package indicator

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

func sample() []Indicator {
	return extractText("全镇耕地面积4.2万亩，完成财政收入XX万元；规上工业产值145.98亿，同比下降3.1%。")
}

func TestWriteJSON(t *testing.T) {
	var a, b bytes.Buffer
	if err := WriteJSON(&a, sample()); err != nil {
		t.Fatal(err)
	}
	WriteJSON(&b, sample())
	if a.String() != b.String() {
		t.Error("two writes of the same indicators differ")
	}
	out := a.String()
	for _, want := range []string{
		`"label": "耕地面积"`, `"written": "4.2万亩"`, `"value": 4.2`, `"unit": "万亩"`, `"magnitude": "万"`,
		`"base": 42000`, `"value": null`, `"redacted": true`, `"unit_missing": true`, `"base": 14598000000`,
		`"value": -3.1`, `"change": true`, `"kind": "actual"`, `"year": 2023`, `"featured": true`,
		"\n  {\n    \"anchor\": \"s1-p1\",",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("JSON lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, `\u`) {
		t.Error("JSON escapes characters")
	}
	var back []Indicator
	if err := json.Unmarshal(a.Bytes(), &back); err != nil || len(back) != 4 {
		t.Errorf("JSON does not read back: %v, %d records", err, len(back))
	}
	var empty bytes.Buffer
	WriteJSON(&empty, nil)
	if empty.String() != "[]\n" {
		t.Errorf("no indicators: %q, want []", empty.String())
	}
}

func TestWriteCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	data, ok := strings.CutPrefix(buf.String(), "\uFEFF")
	if !ok {
		t.Fatal("CSV has no byte-order mark")
	}
	rows, err := csv.NewReader(strings.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 5 || strings.Join(rows[0], ",") != strings.Join(csvHeader, ",") {
		t.Fatalf("rows = %q", rows)
	}
	if got := strings.Join(rows[2], ","); got != "s1-p1,财政收入,XX万元,,,万元,万,,,false,true,false,actual,2023,true,完成财政收入XX万元" {
		t.Errorf("redacted row = %s", got)
	}
}

func TestWriteTSV(t *testing.T) {
	ins := sample()
	ins[0].Text = "a\tb\nc"
	var buf bytes.Buffer
	if err := WriteTSV(&buf, ins); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 5 || lines[0] != "anchor\tlabel\tvalue\tunit\tqualifier\tredacted\tkind\ttext" {
		t.Fatalf("lines = %q", lines)
	}
	for _, l := range lines {
		if n := strings.Count(l, "\t"); n != 7 {
			t.Errorf("%d tabs in %q", n, l)
		}
	}
	if lines[1] != "s1-p1\t耕地面积\t4.2\t万亩\t\tfalse\tactual\ta b c" {
		t.Errorf("first row = %q", lines[1])
	}
	if !strings.Contains(lines[2], "\tnull\t") {
		t.Errorf("redacted row = %q", lines[2])
	}
}
