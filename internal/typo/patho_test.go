package typo

import (
	"strings"
	"testing"
	"time"
)

// TestPathological checks that long runs of what the rules look at stay
// linear: each input of up to 260 kB must normalise and check quickly.
func TestPathological(t *testing.T) {
	if testing.Short() {
		t.Skip("long inputs")
	}
	const n = 20000
	inputs := map[string]string{
		"commas":       strings.Repeat(",", n),
		"commas han":   strings.Repeat("中,", n),
		"parens":       strings.Repeat("(", n) + strings.Repeat(")", n),
		"parens han":   strings.Repeat("(中", n) + strings.Repeat(")", n),
		"quotes":       strings.Repeat("\"", n),
		"quotes han":   strings.Repeat("\"中", n),
		"comma quote":  strings.Repeat(",\"", n) + "中",
		"questions":    "中" + strings.Repeat("?", n) + "中",
		"yiyi":         strings.Repeat("一一", n),
		"yiyi company": strings.Repeat("企业一一安徽", n/4) + "公司",
		"spaces":       "1" + strings.Repeat(" ", n) + "年",
		"digits":       strings.Repeat("1O", n) + "万",
		"lookalikes":   strings.Repeat("O", n),
		"dashes":       strings.Repeat("—中", n),
		"dots":         strings.Repeat("...中", n),
		"hyphens":      strings.Repeat("中--", n),
		"periods":      strings.Repeat("。。。中", n),
		"years":        strings.Repeat("二O二三年", n),
		"x":            strings.Repeat("XX万元", n),
		"digits long":  strings.Repeat("1", 4*n) + " 年",
		"number runs":  strings.Repeat("1.", n),
		"underscores":  strings.Repeat("_", 4*n),
		"url":          "http://" + strings.Repeat("a,", n) + "中",
		"mixed":        strings.Repeat("中 , ( \" ' -- ... — … o O 1 ", n/8),
	}
	for name, s := range inputs {
		start := time.Now()
		out, ch := Normalize(s)
		if Undo(out, ch) != s {
			t.Errorf("%s: Undo failed", name)
		}
		Check(out)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("%s: %v for %d bytes", name, d, len(s))
		} else if testing.Verbose() {
			t.Logf("%-12s %8d bytes %v", name, len(s), d)
		}
	}
}
