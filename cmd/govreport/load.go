package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/govreport/govreport/internal/indicator"
	"github.com/govreport/govreport/internal/markdown"
	"github.com/govreport/govreport/internal/outline"
	"github.com/govreport/govreport/internal/report"
)

// isContent reports whether path is a Markdown content file rather than a
// source to import.
func isContent(path string) bool { return strings.EqualFold(filepath.Ext(path), ".md") }

// load reads a report from a source file (.txt, .docx …) or from Markdown
// content, with the findings about it; line numbers refer to that file.
func load(path string) (*report.Doc, []report.Finding, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	if isContent(path) {
		doc, err := markdown.Parse(path, data)
		if err != nil {
			return nil, nil, err
		}
		fs := outline.Review(doc)
		markdown.FrontFindings(data, fs)
		return doc, fs, nil
	}
	doc, fs, err := outline.Import(path, data)
	if err != nil {
		return nil, nil, err
	}
	if err := indicator.CheckLimit(path, doc); err != nil {
		return nil, nil, err
	}
	return doc, fs, nil
}

// files lists the report files at path: path itself, or the content and
// source files below a directory, sorted.
func files(path string, keep func(string) bool) ([]string, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return []string{path}, nil
	}
	var out []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && keep(p) {
			out = append(out, p)
		}
		return err
	})
	sort.Strings(out)
	return out, err
}

// isReportFile keeps the source formats import reads and report content.
func isReportFile(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".txt", ".docx":
		return true
	}
	return isReportContent(p)
}

// isReportContent keeps the Markdown of reports as import writes it and
// build reads it: reports/<slug>/index.md.
func isReportContent(p string) bool {
	return filepath.Base(p) == "index.md" && filepath.Base(filepath.Dir(filepath.Dir(p))) == "reports"
}
