package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const pdfLink = ` · <a href="2023-xx-zhen/2023-xx-zhen.pdf" download>PDF（235 KB）</a>`

func TestFillSlot(t *testing.T) {
	for _, c := range []struct {
		name, page, inner, want string
		found                   bool
	}{
		{"the empty slot, minified", `<p class=tl><a href=a.md>原文</a><span id=pdf></span> · <a href=b>说明</a>`, pdfLink,
			`<p class=tl><a href=a.md>原文</a><span id=pdf>` + pdfLink + `</span> · <a href=b>说明</a>`, true},
		{"filled before: refilled, not doubled", `<span id="pdf"> · <a href="x.pdf">PDF（1 KB）</a></span> · 说明`, pdfLink,
			`<span id="pdf">` + pdfLink + `</span> · 说明`, true},
		{"emptied when there is no PDF", `<span id=pdf> · <a href=x.pdf>PDF（1 KB）</a></span>`, "", `<span id=pdf></span>`, true},
		{"a span inside the slot", `<span id=pdf><span>旧</span>链接</span><span>后</span>`, "新", `<span id=pdf>新</span><span>后</span>`, true},
		{"no slot", `<p><span id=pdfx></span><a id=pdf href=x>`, pdfLink, `<p><span id=pdfx></span><a id=pdf href=x>`, false},
		{"only the first slot", `<span id=pdf></span><span id=pdf></span>`, "新", `<span id=pdf>新</span><span id=pdf></span>`, true},
		{"another slot's id", `<span id=png></span><span id=pdf></span>`, "新", `<span id=png></span><span id=pdf>新</span>`, true},
		{"everything else byte for byte", "<!doctype html><P CLASS='x'>&amp;&nbsp;<!-- c --><span id=pdf></span>\n", "新",
			"<!doctype html><P CLASS='x'>&amp;&nbsp;<!-- c --><span id=pdf>新</span>\n", true},
	} {
		got, found, err := fillSlot([]byte(c.page), "pdf", c.inner)
		if err != nil || string(got) != c.want || found != c.found {
			t.Errorf("%s:\n got %s (found %v, %v)\nwant %s", c.name, got, found, err, c.want)
		}
	}
	if _, _, err := fillSlot([]byte(`<span id=pdf><span>`), "pdf", "x"); err == nil {
		t.Error("an unclosed slot: no error")
	}
}

func TestFormatSize(t *testing.T) {
	for _, c := range []struct {
		n    int64
		want string
	}{
		{0, "1 KB"}, {100, "1 KB"}, {1535, "1 KB"}, {1536, "2 KB"}, {240640, "235 KB"},
		{1<<20 - 1, "1024 KB"}, {1 << 20, "1.0 MB"}, {1468006, "1.4 MB"},
	} {
		if got := formatSize(c.n); got != c.want {
			t.Errorf("formatSize(%d) = %s, want %s", c.n, got, c.want)
		}
	}
}

func TestLinkPage(t *testing.T) {
	pub := t.TempDir()
	page := filepath.Join(pub, "reports", "2023-qs-zhen.html")
	pdfFile := PDFPath(pub, "2023-qs-zhen")
	os.MkdirAll(filepath.Dir(pdfFile), 0o755)
	os.WriteFile(page, []byte(`<p class=tl><a href=x.md>原文</a><span id=pdf></span> · <a href=y>说明</a>`), 0o644)
	os.WriteFile(filepath.Join(pub, "reports", "nolink.html"), []byte(`<p>自定义版式</p>`), 0o644)

	read := func() string { b, _ := os.ReadFile(page); return string(b) }
	if found, err := LinkPage(pub, "2023-qs-zhen"); err != nil || !found || strings.Contains(read(), "PDF") {
		t.Fatalf("no PDF yet: found %v, %v; page %s", found, err, read())
	}
	os.WriteFile(pdfFile, make([]byte, 240640), 0o644)
	if err := LinkSite(pub, []string{"2023-qs-zhen"}); err != nil {
		t.Fatal(err)
	}
	want := `<span id=pdf> · <a href="2023-qs-zhen/2023-qs-zhen.pdf" download>PDF（235 KB）</a></span>`
	if !strings.Contains(read(), want) {
		t.Errorf("page %s\nlacks %s", read(), want)
	}
	os.WriteFile(pdfFile, make([]byte, 3<<20), 0o644) // printed again, larger
	LinkPage(pub, "2023-qs-zhen")
	if got := read(); strings.Count(got, "PDF（") != 1 || !strings.Contains(got, "PDF（3.0 MB）") {
		t.Errorf("relinked: %s", got)
	}
	if found, err := LinkPage(pub, "nolink"); found || err != nil {
		t.Errorf("a page without the slot: found %v, %v", found, err)
	}
	if left, _ := filepath.Glob(filepath.Join(pub, "reports", ".govreport-*")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	for _, bad := range []string{"../x", "a/b", "", ".."} {
		if _, err := LinkPage(pub, bad); err == nil || !strings.Contains(err.Error(), "not a report slug") {
			t.Errorf("slug %q: %v", bad, err)
		}
	}
	if _, err := LinkPage(pub, "missing"); err == nil {
		t.Error("a report without a page: no error")
	}
}
