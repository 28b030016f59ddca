package archive

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/indicator"
	"github.com/govreport/govreport/internal/outline"
	"github.com/govreport/govreport/internal/testcorpus"
)

// TestStateCouncil compares three real years: the State Council's reports
// of 2024, 2025 and 2026 (the 2023, 2024 and 2025 work), as sources/ holds
// them (addresses in sources/SOURCES.tsv). The figures below are the
// reports' own; the test asks that each is found, not that nothing else is,
// so that a better extractor does not break it.
func TestStateCouncil(t *testing.T) {
	var rs []Report
	for _, f := range []string{"2024-guowuyuan.txt", "2025-guowuyuan.txt", "2026-guowuyuan.txt"} {
		data, err := os.ReadFile(filepath.Join(testcorpus.Root(), "sources", f))
		if err != nil {
			t.Fatal(err)
		}
		doc, _, err := outline.Import(f, data)
		if err != nil {
			t.Fatal(err)
		}
		doc.Meta.Slug = strings.TrimSuffix(f, ".txt")
		rs = append(rs, Report{Meta: doc.Meta, Doc: doc, Indicators: indicator.Extract(doc)})
	}
	c := Compare(rs)
	checkRefs(t, rs, c)
	var series, promises []string
	for _, s := range c.Series {
		series = append(series, describe(s))
	}
	for _, p := range c.Promises {
		promises = append(promises, describePromise(p))
	}
	for _, want := range []string{
		"国内生产总值 % change: 2023=5.2 2024=5(-0.20个百分点) 2025=5(+0.00个百分点)",
		"国内生产总值 万亿元 level: 2023=126 2024=134.9(+7.06%) 2025=140.19(+3.92%)", // 2025: 总量达到140.19万亿元
		// 粮食产量 in the reports, under its standing name
		"粮食总产量 万亿斤 level: 2023=1.39 2024=1.4(+0.72%) 2025=1.43(+2.14%)",
		"常住人口城镇化率 % level: 2023=66.2 2024=67(+0.80个百分点) 2025=67.9(+0.90个百分点)",
	} {
		if !slices.Contains(series, want) {
			t.Errorf("series not found: %s\nhave:\n%s", want, strings.Join(series, "\n"))
		}
	}
	for _, want := range []string{
		"2024 国内生产总值 ≥5%左右 → 5%@2025-guowuyuan#s1-p2: 达成 0个百分点",
		"2024 城镇新增就业 ≥1200万人以上 → 1256万人@2025-guowuyuan#s1-p2: 达成 56万人",
		// a cap by nature: prices rose 0.2%, within 3%左右
		"2024 居民消费价格 ≤3%左右 → 0.2%@2025-guowuyuan#s1-p2: 达成 -2.8个百分点",
		"2024 粮食产量 ≥1.3万亿斤以上 → 1.4万亿斤@2025-guowuyuan#s1-p3: 达成 0.1万亿斤",
		// a fall of about 2.5%: it fell 3%
		"2024 单位国内生产总值能耗 ≥2.5%左右 → 3%@2025-guowuyuan#s1-p3: 达成 -0.5个百分点",
		"2025 国内生产总值 ≥5%左右 → 5%@2026-guowuyuan#s1-p2: 达成 0个百分点",
		"2025 粮食产量 ≥1.4万亿斤左右 → 1.43万亿斤@2026-guowuyuan#s1-p2: 达成 0.03万亿斤",
	} {
		if !slices.Contains(promises, want) {
			t.Errorf("promise not found: %s\nhave:\n%s", want, strings.Join(promises, "\n"))
		}
	}
	for _, p := range c.Promises {
		if p.Year == 2026 && p.Status != NoNextReport {
			t.Errorf("a target for 2026 has a result: %s", describePromise(p))
		}
	}
}
