package site

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A report in govreport's own Markdown form, for Build (which reads
// content back into the document model).
const govContent = `
-- content/reports/2023-qingshan-zhen/index.md --
+++
title = "2023年青山镇政府工作报告"
date = 2024-01-27
year = 2023
place = "青山镇"
slug = "2023-qingshan-zhen"
+++

## 一、2023年工作回顾

全年完成财政收入1200万元，同比增长5.6%。

**一是经济发展稳中向好**。规模以上工业总产值XX亿元。
{#mine}
`

// TestBuildFillsAnchorsAndData: Build writes the anchors into content, the
// indicator data file, and the downloads next to the page.
func TestBuildFillsAnchorsAndData(t *testing.T) {
	root := writeTxtar(t, miniConfig, govContent, newLayouts)
	out := filepath.Join(root, "public")
	if err := Build(context.Background(), BuildOptions{Root: root, Out: out}); err != nil {
		t.Fatal(err)
	}
	md := read(t, root, "content/reports/2023-qingshan-zhen/index.md")
	assertContains(t, "content", md, "## 一、2023年工作回顾 {#s1}", "5.6%。\n{#s1-p1}", "XX亿元。\n{#mine}")
	assertContains(t, "data", read(t, root, "data/indicators/2023-qingshan-zhen.json"), `"label": "财政收入"`, `"anchor": "s1-p1"`, `"redacted": true`)
	csv := read(t, out, "reports/2023-qingshan-zhen/indicators.csv")
	if !strings.HasPrefix(csv, "\ufeff") {
		t.Error("indicators.csv has no BOM: Excel would garble its Chinese text")
	}
	read(t, out, "reports/2023-qingshan-zhen/indicators.json")
	if read(t, out, "reports/2023-qingshan-zhen/index.md") != md {
		t.Error("the Markdown download differs from the content file")
	}
}

// TestBuildFailureKeepsLastSite: a build that fails (here a broken
// template) names the file and leaves the previous site exactly as it was,
// with no temporary directory left behind.
func TestBuildFailureKeepsLastSite(t *testing.T) {
	root := writeTxtar(t, miniConfig, govContent, newLayouts)
	out := filepath.Join(root, "public")
	if err := Build(context.Background(), BuildOptions{Root: root, Out: out}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	if err := os.WriteFile(filepath.Join(root, "layouts", "page.html"), []byte("{{ define \"main\" }}{{ .Nope }}{{ end }}"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Build(context.Background(), BuildOptions{Root: root, Out: out})
	if err == nil || !strings.Contains(err.Error(), "page.html") {
		t.Fatalf("want an error naming page.html, got %v", err)
	}
	if after := snapshot(t, out); after != before {
		t.Error("a failed build changed the published site")
	}
	left, _ := filepath.Glob(filepath.Join(root, ".public-new-*"))
	if len(left) > 0 {
		t.Errorf("temporary build dirs left: %v", left)
	}
}

// snapshot lists every file under dir with its content.
func snapshot(t *testing.T, dir string) string {
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		b.WriteString(p + "\n" + string(data) + "\n")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestColumnsDescribed: the report page explains every column of the
// indicators CSV it offers for download.
func TestColumnsDescribed(t *testing.T) {
	root := seedRoot(t)
	out := filepath.Join(root, "public")
	csv := read(t, out, "reports/2023-xx-zhen/indicators.csv")
	page := read(t, out, "reports/2023-xx-zhen.html")
	header := strings.Split(strings.TrimPrefix(strings.SplitN(csv, "\n", 2)[0], "\ufeff"), ",")
	if len(header) < 10 {
		t.Fatalf("csv header %q", header)
	}
	for _, col := range header {
		if !strings.Contains(page, col+" ") {
			t.Errorf("column %q is not described on the page", col)
		}
	}
}
