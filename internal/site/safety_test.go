package site

// Tests of issue 8's content items on the built site: the repository's
// config.toml and layouts/ applied to a report an editor changed by hand.

import (
	"context"
	"html"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/testcorpus"
)

// safetyReport is a report in govreport's Markdown form; each test edits it.
const safetyReport = `
-- content/reports/2023-baihe-xian/index.md --
+++
title = "2023年白河县政府工作报告"
date = 2024-01-27
year = 2023
place = "白河县"
slug = "2023-baihe-xian"
+++

## 一、2023年工作回顾 {#s1}

全年完成财政收入1200万元，同比增长5.6%。
{#s1-p1}
`

// safetyProject lays out a project with the repository's config and
// layouts and the report, after replacing each old with its new in it.
func safetyProject(t *testing.T, oldNew ...string) string {
	t.Helper()
	root := writeTxtar(t, strings.NewReplacer(oldNew...).Replace(safetyReport))
	if err := testcorpus.Project(root, false); err != nil {
		t.Fatal(err)
	}
	return root
}

// safetyBuild builds root into root/public and returns the error.
func safetyBuild(root string) error {
	return Build(context.Background(), BuildOptions{Root: root, Out: filepath.Join(root, "public")})
}

const safetyPage = "reports/2023-baihe-xian.html"

// TestNoAutolinks (issue 8 item 7): addresses, www. names and e-mail
// addresses in report text stay text; no link to another site appears.
func TestNoAutolinks(t *testing.T) {
	root := safetyProject(t, "同比增长5.6%。", "同比增长5.6%。详见 https://evil.example.com/a 、 www.evil.example.com 和 tip@evil.example.com 。")
	if err := safetyBuild(root); err != nil {
		t.Fatal(err)
	}
	page := read(t, filepath.Join(root, "public"), safetyPage)
	assertContains(t, safetyPage, page, "https://evil.example.com/a", "www.evil.example.com", "tip@evil.example.com",
		"! evil.example.com</a>", "! href=https://evil", "! href=https://www.evil", "! href=http://www.evil", "! mailto:")
}

// TestContentsEscapedOnce (issue 8 item 11): a heading holding & < >
// shows in the contents list as written, escaped once.
func TestContentsEscapedOnce(t *testing.T) {
	root := safetyProject(t, "## 一、2023年工作回顾 {#s1}", `## 一、R\&D\>3%与\<研发\> {#s1}`)
	if err := safetyBuild(root); err != nil {
		t.Fatal(err)
	}
	page := read(t, filepath.Join(root, "public"), safetyPage)
	toc, _, _ := strings.Cut(page[strings.Index(page, `id=toc`):], "</nav>")
	_, entry, _ := strings.Cut(toc, "<a href=#s1>")
	entry, _, _ = strings.Cut(entry, "</a>")
	if got, want := html.UnescapeString(entry), "一、R&D>3%与<研发>"; got != want {
		t.Errorf("contents entry %q reads %q, want %q", entry, got, want)
	}
}

// TestBuildNewFirstParagraph (issue 8 item 10): a paragraph added before
// the first one gets an id of its own; the ids written stay.
func TestBuildNewFirstParagraph(t *testing.T) {
	root := safetyProject(t, "## 一、2023年工作回顾 {#s1}\n", "## 一、2023年工作回顾 {#s1}\n\n新加的一段。\n")
	if err := safetyBuild(root); err != nil {
		t.Fatal(err)
	}
	md := read(t, root, "content/reports/2023-baihe-xian/index.md")
	assertContains(t, "content", md, "新加的一段。\n{#s1-p1_2}", "5.6%。\n{#s1-p1}")
}

// TestBuildRefusesBadContent (issue 8 items 9 and 12): a date not written
// as a date and a control character stop the build with the file and line,
// before Hugo sees the content.
func TestBuildRefusesBadContent(t *testing.T) {
	file := filepath.Join("content", "reports", "2023-baihe-xian", "index.md")
	for _, tt := range []struct {
		name, old, new, want string
	}{
		{"date", "date = 2024-01-27", `date = "2024年13月1日"`, ":3: front matter: date"},
		{"NUL", "同比增长5.6%。", "同比增长\x005.6%。", ":11: control character U+0000"},
		{"escape", "同比增长5.6%。", "同比增长\x1b[31m5.6%。", ":11: control character U+001B"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			root := safetyProject(t, tt.old, tt.new)
			err := safetyBuild(root)
			if err == nil || !strings.HasPrefix(err.Error(), filepath.Join(root, file)+tt.want) {
				t.Errorf("err = %v\nwant it to start %s%s", err, filepath.Join(root, file), tt.want)
			}
			if err != nil && strings.Contains(err.Error(), "unmarshal") {
				t.Errorf("a Hugo-internal message reached the user: %v", err)
			}
		})
	}
}

// TestBuildReadsHumanDates (issue 8 item 9): a date written as a person
// would is read, and the content is saved with it as YYYY-MM-DD.
func TestBuildReadsHumanDates(t *testing.T) {
	for _, date := range []string{`"2024/01/27"`, `2024/1/27`, `"2024.1.27"`, `2024年1月27日`, `"2024-1-27"`} {
		t.Run(date, func(t *testing.T) {
			root := safetyProject(t, "date = 2024-01-27", "date = "+date)
			if err := safetyBuild(root); err != nil {
				t.Fatal(err)
			}
			assertContains(t, "content", read(t, root, "content/reports/2023-baihe-xian/index.md"), "\ndate = 2024-01-27\n")
			assertContains(t, "page", read(t, filepath.Join(root, "public"), safetyPage), "2024")
		})
	}
}
