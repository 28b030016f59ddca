package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// minifier returns the minifier for the site's file types. HTML keeps its
// document tags (lang="zh-CN" must stay on <html>); it drops the end tags
// HTML makes optional. JSON keeps its numbers as written: open data must
// read 21000, not 21e3, in every consumer.
func minifier() *minify.M { return theMinifier() }

// theMinifier is made once: a minify.M is safe for concurrent use, and
// making one compiles its expressions.
var theMinifier = sync.OnceValue(newMinifier)

func newMinifier() *minify.M {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepSpecialComments: false})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile("^(application|text)/(x-)?(java|ecma)script$"), js.Minify)
	m.AddRegexp(regexp.MustCompile("[/+]json$"), &json.Minifier{KeepNumbers: true})
	m.AddFuncRegexp(regexp.MustCompile("[/+]xml$"), xml.Minify)
	return m
}

var mediaTypes = map[string]string{
	".html": "text/html", ".css": "text/css", ".js": "application/javascript",
	".svg": "image/svg+xml", ".json": "application/json", ".xml": "application/xml",
}

// minifyTree minifies every HTML, CSS, JS, SVG, JSON and XML file under dir
// in place and returns the bytes before and after.
func minifyTree(dir string) (before, after int64, err error) {
	m := minifier()
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		mt, ok := mediaTypes[strings.ToLower(filepath.Ext(path))]
		if !ok {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var out bytes.Buffer
		if err := m.Minify(mt, &out, bytes.NewReader(data)); err != nil {
			return fmt.Errorf("minify %s: %w", path, err)
		}
		before, after = before+int64(len(data)), after+int64(out.Len())
		return os.WriteFile(path, out.Bytes(), 0o644)
	})
	return before, after, err
}
