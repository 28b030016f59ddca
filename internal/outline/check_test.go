package outline

import (
	"slices"
	"testing"

	"github.com/govreport/govreport/internal/report"
)

func TestCheckDisclosure(t *testing.T) {
	full := report.Meta{IndexNo: "0000000000/2023-00001", WrittenDate: "2023-02-08", PubDate: "2023-02-15", DocNo: "Y政〔2023〕1号", Validity: "有效"}
	for _, c := range []struct {
		name  string
		edit  func(*report.Meta)
		codes []string
	}{
		{"all filled in", func(*report.Meta) {}, nil},
		{"slashes", func(m *report.Meta) { m.PubDate = "2023/2/15" }, []string{"meta-date"}},
		{"no such day", func(m *report.Meta) { m.WrittenDate = "2023-13-45" }, []string{"meta-date"}},
		{"Chinese date", func(m *report.Meta) { m.WrittenDate = "2023年2月8日" }, []string{"meta-date"}},
		{"square brackets", func(m *report.Meta) { m.DocNo = "Y政[2023]1号" }, []string{"doc-no"}},
		{"round brackets", func(m *report.Meta) { m.DocNo = "Y政（2023）1号" }, []string{"doc-no"}},
		{"empty fields", func(m *report.Meta) { m.IndexNo, m.Validity = "", "" }, []string{"meta-missing"}},
	} {
		m := full
		c.edit(&m)
		var codes []string
		for _, f := range checkDisclosure(m) {
			codes = append(codes, f.Code)
		}
		if !slices.Equal(codes, c.codes) {
			t.Errorf("%s: %v, want %v", c.name, codes, c.codes)
		}
	}
}
