package outline

import (
	"testing"

	"github.com/govreport/govreport/internal/report"
)

// TestParseDate (issue 8 item 9): a day written any way a person would is
// read; a value that names no real day is not.
func TestParseDate(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"2024-01-27", "2024-01-27"}, {"2024/1/27", "2024-01-27"}, {"2024.01.27", "2024-01-27"},
		{"2024年1月27日", "2024-01-27"}, {" 2024 年 1 月 27 日 ", "2024-01-27"}, {"２０２４年１月２７日", "2024-01-27"},
		{"二〇二四年一月二十七日", "2024-01-27"}, {"二〇二四年十二月三十一日", "2024-12-31"}, {"二○二四年十月十日", "2024-10-10"},
		{"2024-01-27 10:30", "2024-01-27"}, {"2024-01-27T10:30:00", "2024-01-27"}, {"2024年2月29日", "2024-02-29"},
		{"2023年2月29日", ""}, {"2024/13/1", ""}, {"2024年1月", ""}, {"去年", ""}, {"", ""}, {"24/1/27", ""},
		{"二〇二四年一月二三日", ""}, {"2024-01-27x", ""},
	} {
		got, ok := ParseDate(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

// TestNormalizeDates: Normalize writes the front matter's dates
// YYYY-MM-DD, one finding each, and leaves one it cannot read to Check,
// which reports it as an error.
func TestNormalizeDates(t *testing.T) {
	doc := &report.Doc{Meta: report.Meta{Date: "2024/1/27", WrittenDate: "2024年1月20日", PubDate: "2024年1月"}}
	fs := Normalize(doc)
	if m := doc.Meta; m.Date != "2024-01-27" || m.WrittenDate != "2024-01-20" || m.PubDate != "2024年1月" {
		t.Errorf("meta %+v", m)
	}
	if len(fs) != 2 || fs[0].Code != "date" || fs[1].Code != "date" {
		t.Errorf("findings %v", fs)
	}
	var bad []report.Finding
	for _, f := range Check(doc) {
		if f.Code == "meta-date" {
			bad = append(bad, f)
		}
	}
	if len(bad) != 1 || bad[0].Level != report.Error {
		t.Errorf("Check: %v, want one meta-date error for pub_date", bad)
	}
}
