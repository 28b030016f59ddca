package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/outline"
	"github.com/govreport/govreport/internal/search"
)

// seedIndex writes the search index of the seed report into dir/public/search.
func seedIndex(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	doc, _, err := outline.Import(seed, data)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := search.Write(filepath.Join(dir, "public", "search"), []search.Report{{Doc: doc}}); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestSearch(t *testing.T) {
	dir := seedIndex(t)
	for _, c := range []struct {
		args []string
		code int
		out  []string // in stdout
		err  string   // in stderr
	}{
		{[]string{"卜林村"}, 0, []string{"5 paragraphs in 1 reports", "reports/2023-xx-zhen.html#s1-1-3", "位于**卜林村**总投资", "（一）社会发展稳健有力"}, ""},
		{[]string{"-n", "1", "卜林村"}, 0, []string{"5 paragraphs", "… 4 more"}, ""},
		{[]string{"ＡＰＰ", "反诈"}, 0, []string{"1 paragraphs", "“**反诈APP**安装”", "强化养老、**反诈**、禁毒"}, ""},
		{[]string{"6200亩"}, 0, []string{"力争完成**6200亩**高标准农田"}, ""},
		{[]string{"青山镇卜林村"}, 1, []string{"0 paragraphs in 0 reports"}, ""},
		{[]string{"村"}, 2, nil, "at least two characters"},
		{[]string{}, 2, nil, "usage: govreport search"},
		{[]string{"-o", "nowhere", "卜林村"}, 2, nil, "govreport build"},
	} {
		code, out, errs := runCLI(t, append([]string{"search", "--root", dir}, c.args...)...)
		if code != c.code {
			t.Errorf("search %v: exit %d, want %d\n%s%s", c.args, code, c.code, out, errs)
		}
		for _, w := range c.out {
			if !strings.Contains(out, w) {
				t.Errorf("search %v: output lacks %q:\n%.600s", c.args, w, out)
			}
		}
		if !strings.Contains(errs, c.err) {
			t.Errorf("search %v: stderr %q lacks %q", c.args, errs, c.err)
		}
	}
}

func TestSearchJSON(t *testing.T) {
	dir := seedIndex(t)
	code, out, errs := runCLI(t, "search", "--root", dir, "--json", "-n", "0", "姚岗")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got searchOutput
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if got.Count == 0 || got.Count != len(got.Results) || got.Reports != 1 || got.Query != "姚岗" {
		t.Fatalf("count %d, reports %d, %d results for %q", got.Count, got.Reports, len(got.Results), got.Query)
	}
	for _, r := range got.Results {
		rs := []rune(r.Text)
		for _, h := range r.Hits {
			if h[1] > len(rs) || string(rs[h[0]:h[1]]) != "姚岗" {
				t.Errorf("%s: hit %v is not 姚岗 in %s", r.URL, h, r.Text)
			}
		}
		if !strings.HasPrefix(r.URL, "reports/2023-xx-zhen.html#") || r.Year != 2023 || r.Place != "XX镇" {
			t.Errorf("result %+v", r)
		}
	}
}
