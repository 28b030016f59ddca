package source

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/typo"
)

// Limits on what ReadDocx expands, so that a zip bomb is refused rather than
// unpacked. They are variables only so that tests can lower them.
var (
	docxMaxEntries        = 2000      // files in the zip
	docxMaxDocument int64 = 64 << 20  // word/document.xml, uncompressed
	docxMaxPart     int64 = 16 << 20  // each of styles, comments, notes, numbering
	docxMaxTotal    int64 = 128 << 20 // all parts read, uncompressed
	docxMaxDepth          = 256       // element nesting in any part
	docxMaxSpan           = 63        // columns a merged table cell may span
	// What the main part may hold. Each bound is far above a real report (a
	// long one has about 2,000 paragraphs, a few hundred table cells, a few
	// dozen images or comments) and keeps memory in proportion to the text:
	// a 190 KB .docx of merged cells (gridSpan 63) once took 1.6 GB.
	docxMaxParas    = 50000   // paragraphs, empty ones and those in tables and text boxes too
	docxMaxCells    = 50000   // table cells, merged ones counted as the columns they span
	docxMaxFindings = 10000   // images, comments, notes … left out and reported
	docxMaxText     = MaxText // bytes of text
)

const docxMainPart = "word/document.xml"

// XML namespaces of WordprocessingML (transitional and strict) and of
// markup compatibility (mc:AlternateContent).
const (
	docxNSW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	docxNSWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	docxNSMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// ReadDocx reads a .docx (WordprocessingML) file's bytes and returns its
// paragraphs in order, empty ones dropped; a top-level table is one Para of
// Rows. Para.Line is the paragraph's ordinal among all the paragraphs of the
// body (empty ones, those in tables and those in text boxes included); a
// table's Line is that of its first paragraph, and findings carry the Line
// of the paragraph they concern. Deleted text and field codes are left out;
// images, comments, footnotes, endnotes and hidden text are left out and
// reported as Info findings; text boxes are read after the paragraph that
// holds them; numbers that Word generates (automatic numbering) are written
// out at the start of their paragraphs and reported. Headers and footers are
// not read. A damaged file, a file that is not a .docx, or one that would
// expand beyond fixed limits gives an error.
func ReadDocx(name string, data []byte) (*Source, error) {
	pkg, err := openDocx(name, data)
	if err != nil {
		return nil, err
	}
	w := &docxWalker{pkg: pkg, src: &Source{Name: name}}
	if err := w.loadAux(); err != nil {
		return nil, err
	}
	if err := w.readMain(); err != nil {
		return nil, err
	}
	return w.src, docxControls(name, w.src.Paras)
}

// docxControls refuses a control character XML lets through (DEL, C1:
// a wrong code page or binary data), naming its paragraph.
func docxControls(name string, paras []Para) error {
	for _, p := range paras {
		texts := []string{p.Text}
		for _, row := range p.Rows {
			texts = append(texts, row...)
		}
		for _, t := range texts {
			if off, r := typo.FirstControl(t); off >= 0 {
				return fmt.Errorf("%s: paragraph %d: control character U+%04X in the text (binary data, or a character from a wrong code page): delete or fix it in Word and try again", name, p.Line, r)
			}
		}
	}
	return nil
}

// docxPackage is the opened zip: its files by name, and how much has been
// uncompressed from it so far.
type docxPackage struct {
	name  string
	files map[string]*zip.File
	main  string // path of the main document part
	total int64
}

func openDocx(name string, data []byte) (*docxPackage, error) {
	if n := docxEntryCount(data); n > docxMaxEntries {
		return nil, docxTooMany(name, n)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && (zr == nil || !errors.Is(err, zip.ErrInsecurePath)) {
		return nil, docxOpenError(name, data, err)
	}
	if len(zr.File) > docxMaxEntries {
		return nil, docxTooMany(name, len(zr.File))
	}
	pkg := &docxPackage{name: name, files: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		n := strings.TrimPrefix(strings.ReplaceAll(f.Name, `\`, "/"), "/")
		if _, dup := pkg.files[n]; !dup {
			pkg.files[n] = f
		}
	}
	if err := pkg.findMain(); err != nil {
		return nil, err
	}
	return pkg, nil
}

// docxOpenError says why data, which the zip reader refused with err, is
// not a .docx it can read.
func docxOpenError(name string, data []byte, err error) error {
	switch {
	case len(data) == 0:
		return fmt.Errorf("%s: the file is empty; save it again from Word as .docx", name)
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		return fmt.Errorf("%s: not a .docx file (an old Word .doc, or a password-protected document); "+
			"save it again from Word as .docx without a password", name)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return fmt.Errorf("%s: the .docx file is damaged or cut short (truncated zip: %v); "+
			"save it again from Word as .docx", name, err)
	}
	return fmt.Errorf("%s: not a .docx file (not a zip archive); save it again from Word as .docx", name)
}

func docxTooMany(name string, n int) error {
	return fmt.Errorf("%s: refused: the .docx holds %d files, more than %d", name, n, docxMaxEntries)
}

// docxEntryCount returns the number of files a zip's end of central
// directory record declares, so that too many are refused before the zip
// reader lists them; -1 when it cannot tell.
func docxEntryCount(data []byte) int {
	from := max(0, len(data)-(22+65535)) // the record, and a comment of at most 64 KiB
	i := bytes.LastIndex(data[from:], []byte("PK\x05\x06"))
	if i < 0 || from+i+22 > len(data) {
		return -1
	}
	n := binary.LittleEndian.Uint16(data[from+i+10:])
	if n == 0xffff { // the count is in a zip64 record
		return -1
	}
	return int(n)
}

// findMain sets the main part: word/document.xml, or where _rels/.rels
// points when a producer named it otherwise.
func (p *docxPackage) findMain() error {
	if p.files[docxMainPart] != nil {
		p.main = docxMainPart
		return nil
	}
	if target := p.relTarget(); target != "" && p.files[target] != nil {
		p.main = target
		return nil
	}
	hint := ""
	if p.files["mimetype"] != nil || p.files["content.xml"] != nil {
		hint = " (it looks like an OpenDocument .odt file)"
	}
	return fmt.Errorf("%s: not a .docx file: it has no %s%s; save it again from Word as .docx", p.name, docxMainPart, hint)
}

// relTarget returns the officeDocument target named in _rels/.rels, or "".
func (p *docxPackage) relTarget() string {
	f := p.files["_rels/.rels"]
	if f == nil {
		return ""
	}
	data, err := p.read(f, docxMaxPart)
	if err != nil {
		return ""
	}
	var rels struct {
		Rel []struct {
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.Unmarshal(data, &rels) != nil {
		return ""
	}
	for _, r := range rels.Rel {
		if strings.HasSuffix(r.Type, "/officeDocument") {
			return strings.TrimPrefix(path.Clean("/"+r.Target), "/")
		}
	}
	return ""
}

// sibling returns the file next to the main part with the given base name.
func (p *docxPackage) sibling(base string) *zip.File {
	return p.files[path.Join(path.Dir(p.main), base)]
}

// docxLimitError is the refusal of a part that expands beyond a limit.
type docxLimitError struct {
	name, part string
	limit      int64
	total      bool // the limit on all parts together
}

// docxCountError is the refusal of a main part that holds more of
// something than a report would.
type docxCountError struct {
	name, what string
	limit      int
}

func (e *docxCountError) Error() string {
	return fmt.Sprintf("%s: refused: the .docx holds more than %d %s, far more than a report; is this the right file?", e.name, e.limit, e.what)
}

func (e *docxLimitError) Error() string {
	if e.total {
		return fmt.Sprintf("%s: refused: the parts of the .docx would expand to more than %s in all", e.name, docxSize(e.limit))
	}
	return fmt.Sprintf("%s: refused: %s would expand to more than %s", e.name, e.part, docxSize(e.limit))
}

func docxSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// open opens a part for reading, refusing it up front when its declared size
// is over limit, and bounding what is read whatever the header says.
func (p *docxPackage) open(f *zip.File, limit int64) (io.ReadCloser, error) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, &docxLimitError{name: p.name, part: f.Name, limit: limit}
	}
	if p.total+int64(f.UncompressedSize64) > docxMaxTotal {
		return nil, &docxLimitError{name: p.name, part: f.Name, limit: docxMaxTotal, total: true}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, p.damaged(f.Name, err)
	}
	return &docxBoundedReader{rc: rc, r: io.LimitReader(rc, limit+1), pkg: p, part: f.Name, limit: limit}, nil
}

// read returns a whole part, at most limit bytes of it.
func (p *docxPackage) read(f *zip.File, limit int64) ([]byte, error) {
	rc, err := p.open(f, limit)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		return nil, p.readError(f.Name, err)
	}
	return data, nil
}

func (p *docxPackage) damaged(part string, err error) error {
	return fmt.Errorf("%s: the .docx file is damaged: cannot read %s (%v); save it again from Word as .docx", p.name, part, err)
}

// readError turns an error met while reading a part into a clear one.
func (p *docxPackage) readError(part string, err error) error {
	var le *docxLimitError
	if errors.As(err, &le) {
		return le
	}
	return p.damaged(part, err)
}

// docxBoundedReader reads a part, failing with a docxLimitError as soon as the part
// or all parts together go past their limits.
type docxBoundedReader struct {
	rc    io.Closer
	r     io.Reader
	pkg   *docxPackage
	part  string
	n     int64
	limit int64
}

func (b *docxBoundedReader) Read(buf []byte) (int, error) {
	n, err := b.r.Read(buf)
	b.n += int64(n)
	b.pkg.total += int64(n)
	if b.n > b.limit {
		return 0, &docxLimitError{name: b.pkg.name, part: b.part, limit: b.limit}
	}
	if b.pkg.total > docxMaxTotal {
		return 0, &docxLimitError{name: b.pkg.name, part: b.part, limit: docxMaxTotal, total: true}
	}
	return n, err
}

func (b *docxBoundedReader) Close() error { return b.rc.Close() }

// docxWalker walks word/document.xml, appending paragraphs and findings to
// src.
type docxWalker struct {
	pkg      *docxPackage
	src      *Source
	styles   *docxStyles
	numbers  *docxNumbering
	comments map[string]string // comment id → text
	notes    map[string]string // "footnote:id" or "endnote:id" → text
	dec      *xml.Decoder
	depth    int
	n        int   // paragraphs seen so far
	nCells   int   // table cells read so far
	nText    int   // bytes of text read so far
	err      error // a limit passed while recording a finding
}

// tooMany is the error for more than limit of what in the main part.
func (w *docxWalker) tooMany(what string, limit int) error {
	return &docxCountError{name: w.pkg.name, what: what, limit: limit}
}

// loadAux reads the parts that explain document.xml: styles, comments and
// notes. A malformed one is reported and left out; one over a limit is an
// error.
func (w *docxWalker) loadAux() error {
	w.styles = &docxStyles{byID: map[string]*docxStyle{}}
	w.numbers = &docxNumbering{abstract: map[string][]docxLvl{}, nums: map[string]docxNum{}, counts: map[string]*docxCounter{}}
	w.comments, w.notes = map[string]string{}, map[string]string{}
	parts := []struct {
		base  string
		parse func([]byte) error
	}{
		{"styles.xml", w.styles.parse},
		{"numbering.xml", w.numbers.parse},
		{"comments.xml", func(b []byte) error { return docxTexts(b, "comment", "", w.comments) }},
		{"footnotes.xml", func(b []byte) error { return docxTexts(b, "footnote", "footnote:", w.notes) }},
		{"endnotes.xml", func(b []byte) error { return docxTexts(b, "endnote", "endnote:", w.notes) }},
	}
	for _, part := range parts {
		f := w.pkg.sibling(part.base)
		if f == nil {
			continue
		}
		data, err := w.pkg.read(f, docxMaxPart)
		if err != nil {
			return err
		}
		if err := part.parse(data); err != nil {
			w.finding(0, report.Warning, "docx-part", fmt.Sprintf("%s left out: %v", f.Name, err))
		}
	}
	return nil
}

// readMain walks the main part, streaming it through the XML decoder.
func (w *docxWalker) readMain() error {
	f := w.pkg.files[w.pkg.main]
	rc, err := w.pkg.open(f, docxMaxDocument)
	if err != nil {
		return err
	}
	defer rc.Close()
	w.dec = xml.NewDecoder(rc)
	if err := w.document(); err != nil {
		return w.mainError(err)
	}
	// Read to the end, so that the zip reader checks the part's checksum.
	if _, err := io.Copy(io.Discard, rc); err != nil {
		return w.pkg.readError(w.pkg.main, err)
	}
	return nil
}

// docxRootError is the local name of a main part's root element that is not
// w:document.
type docxRootError string

func (e docxRootError) Error() string { return "root element <" + string(e) + ">" }

// errDocxTooDeep stops a walk through elements nested past docxMaxDepth.
var errDocxTooDeep = errors.New("elements nested too deeply")

// mainError turns an error met while walking the main part into a clear one.
func (w *docxWalker) mainError(err error) error {
	part := w.pkg.main
	var le *docxLimitError
	var se *xml.SyntaxError
	var root docxRootError
	switch {
	case errors.As(err, &le):
		return le
	case errors.As(err, new(*docxCountError)):
		return err
	case errors.As(err, &root):
		return fmt.Errorf("%s: %s is not a Word document (its root is <%s>); save it again from Word as .docx",
			w.pkg.name, part, string(root))
	case errors.Is(err, errDocxTooDeep):
		return fmt.Errorf("%s: refused: %s nests elements more than %d deep", w.pkg.name, part, docxMaxDepth)
	case errors.As(err, &se):
		return fmt.Errorf("%s: %s is not well-formed XML at line %d: %s; the file may be damaged",
			w.pkg.name, part, se.Line, se.Msg)
	case errors.Is(err, io.EOF):
		return fmt.Errorf("%s: %s ends before its body; the file may be damaged", w.pkg.name, part)
	}
	var ue xml.UnmarshalError
	if errors.As(err, &ue) {
		return fmt.Errorf("%s: %s is not well-formed XML: %v; the file may be damaged", w.pkg.name, part, err)
	}
	return w.pkg.damaged(part, err)
}

func (w *docxWalker) finding(line int, level report.Level, code, msg string) {
	if len(w.src.Findings) >= docxMaxFindings {
		w.err = w.tooMany("images, comments, notes and other things left out", docxMaxFindings)
		return
	}
	w.src.Findings = append(w.src.Findings, report.Finding{Line: line, Level: level, Code: code, Message: msg})
}

// next returns the next token, keeping track of element depth.
func (w *docxWalker) next() (xml.Token, error) {
	if w.err != nil {
		return nil, w.err
	}
	tok, err := w.dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok.(type) {
	case xml.StartElement:
		w.depth++
		if w.depth > docxMaxDepth {
			return nil, errDocxTooDeep
		}
	case xml.EndElement:
		w.depth--
	}
	return tok, nil
}

// skip consumes the element just started, without recursion.
func (w *docxWalker) skip() error {
	for d := 1; d > 0; {
		tok, err := w.next()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			d++
		case xml.EndElement:
			d--
		}
	}
	return nil
}

// children calls f for each child element of the element just started; f
// must consume the child. It returns at the element's end.
func (w *docxWalker) children(f func(xml.StartElement) error) error {
	for {
		tok, err := w.next()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := f(t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// decode unmarshals the element just started into v.
func (w *docxWalker) decode(v any, se xml.StartElement) error {
	err := w.dec.DecodeElement(v, &se)
	w.depth--
	return err
}

// text returns the character data of the element just started, counting
// it against docxMaxText.
func (w *docxWalker) text() (string, error) {
	var sb strings.Builder
	for {
		tok, err := w.next()
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.CharData:
			if w.nText += len(t); w.nText > docxMaxText {
				return "", w.tooMany("bytes of text", docxMaxText)
			}
			sb.Write(t)
		case xml.StartElement:
			if err := w.skip(); err != nil {
				return "", err
			}
		case xml.EndElement:
			return sb.String(), nil
		}
	}
}

// docxIs reports whether n is the WordprocessingML element local.
func docxIs(n xml.Name, local string) bool {
	return n.Local == local && (n.Space == docxNSW || n.Space == docxNSWStrict)
}

// docxLocal returns the local name of a WordprocessingML element, or "".
func docxLocal(n xml.Name) string {
	if n.Space == docxNSW || n.Space == docxNSWStrict {
		return n.Local
	}
	return ""
}

func docxIsAlternate(n xml.Name) bool { return n.Space == docxNSMC && n.Local == "AlternateContent" }

// alternate reads an mc:AlternateContent: the first mc:Choice (or the
// mc:Fallback when there is none) through inner, which reads the children of
// the element just started; the others are skipped.
func (w *docxWalker) alternate(inner func() error) error {
	taken := false
	return w.children(func(se xml.StartElement) error {
		if se.Name.Space == docxNSMC && !taken && (se.Name.Local == "Choice" || se.Name.Local == "Fallback") {
			taken = true
			return inner()
		}
		return w.skip()
	})
}

// sdt reads a structured document tag's content through inner.
func (w *docxWalker) sdt(inner func() error) error {
	return w.children(func(se xml.StartElement) error {
		if docxIs(se.Name, "sdtContent") {
			return inner()
		}
		return w.skip()
	})
}

// document reads up to w:body and walks it.
func (w *docxWalker) document() error {
	root, err := w.firstElement()
	if err != nil {
		return err
	}
	if !docxIs(root.Name, "document") {
		return docxRootError(root.Name.Local)
	}
	return w.children(func(se xml.StartElement) error {
		if docxIs(se.Name, "body") {
			return w.blocks(w.emitBody)
		}
		return w.skip()
	})
}

func (w *docxWalker) firstElement() (xml.StartElement, error) {
	for {
		tok, err := w.next()
		if err != nil {
			return xml.StartElement{}, err
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se, nil
		}
	}
}

func (w *docxWalker) emitBody(p Para) { w.src.Paras = append(w.src.Paras, p) }

// blocks reads block-level content (paragraphs and tables) of the element
// just started, passing each paragraph or table to emit.
func (w *docxWalker) blocks(emit func(Para)) error {
	return w.children(func(se xml.StartElement) error { return w.blockChild(se, emit) })
}

// docxParaState gathers one paragraph while its runs are read.
type docxParaState struct {
	line     int
	ppr      docxPPr
	text     strings.Builder // tabs kept as '\t' until the paragraph ends
	textRuns int             // runs with visible text
	boldRuns int             // of those, the bold ones
	hidden   bool            // some text was hidden (w:vanish)
	extra    []Para          // text box paragraphs, read after this one
}

// para reads a w:p and emits it (unless empty), then its text boxes.
func (w *docxWalker) para(emit func(Para)) error {
	if w.n++; w.n > docxMaxParas {
		return w.tooMany("paragraphs", docxMaxParas)
	}
	ps := &docxParaState{line: w.n}
	if err := w.inline(ps); err != nil {
		return err
	}
	if ps.hidden {
		w.finding(ps.line, report.Info, "docx-hidden", "hidden text left out")
	}
	number := w.number(&ps.ppr)
	if p, ok := w.finish(ps, number); ok {
		if label := strings.TrimSpace(number); label != "" {
			w.finding(ps.line, report.Info, "docx-numbering", "automatic numbering written out as text: "+label)
		}
		emit(p)
	}
	for _, p := range ps.extra {
		emit(p)
	}
	return nil
}

// inline reads the inline content of the element just started: runs, and
// the elements that wrap runs. Deleted text is skipped.
func (w *docxWalker) inline(ps *docxParaState) error {
	return w.children(func(se xml.StartElement) error {
		switch docxLocal(se.Name) {
		case "pPr":
			return w.decode(&ps.ppr, se)
		case "r":
			return w.run(ps)
		case "ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo":
			return w.inline(ps)
		case "sdt":
			return w.sdt(func() error { return w.inline(ps) })
		}
		if docxIsAlternate(se.Name) {
			return w.alternate(func() error { return w.inline(ps) })
		}
		return w.skip() // w:del, w:moveFrom, math, bookmarks, comment ranges
	})
}

// run reads a w:r, adding its text to ps.
func (w *docxWalker) run(ps *docxParaState) error {
	var rpr docxRPr
	start := ps.text.Len()
	err := w.children(func(se xml.StartElement) error {
		if docxIs(se.Name, "rPr") {
			return w.decode(&rpr, se)
		}
		return w.runChild(se, ps, &rpr)
	})
	if err != nil {
		return err
	}
	if s := ps.text.String()[start:]; strings.TrimFunc(s, unicode.IsSpace) != "" {
		ps.textRuns++
		if w.styles.bold(&rpr, ps.ppr.style()) {
			ps.boldRuns++
		}
	}
	return nil
}

// runChild reads one child element of a w:r.
func (w *docxWalker) runChild(se xml.StartElement, ps *docxParaState, rpr *docxRPr) error {
	switch docxLocal(se.Name) {
	case "t":
		return w.runText(ps, rpr)
	case "tab", "ptab":
		ps.text.WriteByte('\t')
	case "br", "cr":
		ps.text.WriteByte('\n')
	case "noBreakHyphen":
		ps.text.WriteByte('-')
	case "drawing", "pict", "object":
		return w.embedded(ps, se.Name.Local)
	case "commentReference":
		w.comment(se, ps.line)
	case "footnoteReference", "endnoteReference":
		w.note(se, ps.line)
	case "ruby":
		return w.ruby(ps)
	default:
		if docxIsAlternate(se.Name) {
			return w.alternate(func() error {
				return w.children(func(c xml.StartElement) error { return w.runChild(c, ps, rpr) })
			})
		}
	}
	return w.skip() // w:instrText, w:delText, w:fldChar, w:sym, …
}

func (w *docxWalker) runText(ps *docxParaState, rpr *docxRPr) error {
	s, err := w.text()
	if err != nil {
		return err
	}
	if rpr.Vanish.on() {
		ps.hidden = ps.hidden || strings.TrimSpace(s) != ""
		return nil
	}
	ps.text.WriteString(s)
	return nil
}

// ruby reads the base text of a w:ruby, leaving out the annotation.
func (w *docxWalker) ruby(ps *docxParaState) error {
	return w.children(func(se xml.StartElement) error {
		if docxIs(se.Name, "rubyBase") {
			return w.inline(ps)
		}
		return w.skip()
	})
}

// embedded reads a w:drawing, w:pict or w:object: text boxes in it are kept
// as paragraphs after ps, anything else is reported and left out.
func (w *docxWalker) embedded(ps *docxParaState, kind string) error {
	var image, box bool
	if err := w.scanEmbedded(ps, &image, &box); err != nil {
		return err
	}
	if box {
		w.finding(ps.line, report.Info, "docx-textbox", "text box read after its paragraph")
	}
	if image || !box {
		msg := "image ignored"
		if kind == "object" {
			msg = "embedded object ignored"
		}
		w.finding(ps.line, report.Info, "docx-image", msg)
	}
	return nil
}

func (w *docxWalker) scanEmbedded(ps *docxParaState, image, box *bool) error {
	return w.children(func(se xml.StartElement) error {
		switch {
		case docxIs(se.Name, "txbxContent"):
			*box = true
			return w.blocks(func(p Para) { ps.extra = append(ps.extra, p) })
		case docxIsAlternate(se.Name):
			return w.alternate(func() error { return w.scanEmbedded(ps, image, box) })
		}
		switch se.Name.Local {
		case "blip", "imagedata", "OLEObject", "chart", "relIds":
			*image = true
		}
		return w.scanEmbedded(ps, image, box)
	})
}

func docxAttr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func (w *docxWalker) comment(se xml.StartElement, line int) {
	msg := "comment ignored"
	if t := w.comments[docxAttr(se, "id")]; t != "" {
		msg += ": " + docxClip(t, 30)
	}
	w.finding(line, report.Info, "docx-comment", msg)
}

func (w *docxWalker) note(se xml.StartElement, line int) {
	kind := strings.TrimSuffix(se.Name.Local, "Reference")
	msg := kind + " ignored"
	if t := w.notes[kind+":"+docxAttr(se, "id")]; t != "" {
		msg += ": " + docxClip(t, 30)
	}
	w.finding(line, report.Info, "docx-note", msg)
}

// docxClip returns s cut to at most n runes, marking a cut with "…".
func docxClip(s string, n int) string {
	i := 0
	for off := range s {
		if i == n {
			return s[:off] + "…"
		}
		i++
	}
	return s
}

// finish turns ps into a Para, its text led by its automatic number; false
// when it has no text.
func (w *docxWalker) finish(ps *docxParaState, number string) (Para, bool) {
	text := ps.text.String()
	if strings.TrimFunc(text, unicode.IsSpace) == "" {
		return Para{}, false
	}
	text = strings.Trim(docxTabs(number+text), "\n")
	id := ps.ppr.style()
	return Para{
		Text:         text,
		Line:         ps.line,
		Style:        w.styles.name(id),
		OutlineLevel: w.styles.outlineLevel(&ps.ppr, id),
		Bold:         ps.textRuns > 0 && ps.boldRuns == ps.textRuns,
		Centered:     w.styles.centered(&ps.ppr, id),
	}, true
}

// docxTabs replaces each run of tabs in s by one space when it stands
// between Latin letters or digits, and drops it otherwise: Chinese text is
// not spaced.
func docxTabs(s string) string {
	if !strings.Contains(s, "\t") {
		return s
	}
	var b strings.Builder
	for s != "" {
		i := strings.IndexByte(s, '\t')
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = strings.TrimLeft(s[i:], "\t")
		prev, _ := utf8.DecodeLastRuneInString(b.String())
		next, _ := utf8.DecodeRuneInString(s)
		if docxLatin(prev) && docxLatin(next) {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func docxLatin(r rune) bool {
	return r >= '0' && r <= '9' || unicode.Is(unicode.Latin, r)
}

// table reads a top-level w:tbl as one Para of rows.
func (w *docxWalker) table(emit func(Para)) error {
	p := Para{Line: w.n + 1}
	var rows [][]string
	if err := w.tableRows(&rows); err != nil {
		return err
	}
	for _, row := range rows {
		for _, cell := range row {
			if strings.TrimFunc(cell, unicode.IsSpace) != "" {
				p.Rows = rows
				emit(p)
				return nil
			}
		}
	}
	return nil
}

// tableRows reads the rows of the element just started (a table, or a
// content control or custom XML around rows).
func (w *docxWalker) tableRows(rows *[][]string) error {
	return w.children(func(se xml.StartElement) error {
		switch docxLocal(se.Name) {
		case "tr":
			row, err := w.row()
			*rows = append(*rows, row)
			return err
		case "sdt":
			return w.sdt(func() error { return w.tableRows(rows) })
		case "customXml":
			return w.tableRows(rows)
		}
		if docxIsAlternate(se.Name) {
			return w.alternate(func() error { return w.tableRows(rows) })
		}
		return w.skip()
	})
}

// docxTrPr holds the row properties that shift cells along the grid.
type docxTrPr struct {
	GridBefore docxVal `xml:"gridBefore"`
	GridAfter  docxVal `xml:"gridAfter"`
}

// docxTcPr holds the cell properties that merge cells.
type docxTcPr struct {
	GridSpan docxVal  `xml:"gridSpan"`
	VMerge   *docxVal `xml:"vMerge"`
	HMerge   *docxVal `xml:"hMerge"`
}

// row reads a w:tr: one string per grid column, merged cells repeated as
// empty ones.
func (w *docxWalker) row() ([]string, error) {
	var row []string
	var trPr docxTrPr
	if err := w.cells(&row, &trPr); err != nil {
		return row, err
	}
	return row, w.pad(&row, trPr.GridAfter.int())
}

// pad appends n empty cells to row, at most docxMaxSpan, counting them
// against docxMaxCells.
func (w *docxWalker) pad(row *[]string, n int) error {
	n = min(max(n, 0), docxMaxSpan)
	if w.nCells += n; w.nCells > docxMaxCells {
		return w.tooMany("table cells", docxMaxCells)
	}
	for range n {
		*row = append(*row, "")
	}
	return nil
}

// cells reads the cells of the element just started (a row, or a wrapper
// around cells).
func (w *docxWalker) cells(row *[]string, trPr *docxTrPr) error {
	return w.children(func(se xml.StartElement) error {
		switch docxLocal(se.Name) {
		case "trPr":
			if err := w.decode(trPr, se); err != nil {
				return err
			}
			return w.pad(row, trPr.GridBefore.int())
		case "tc":
			return w.cell(row)
		case "sdt":
			return w.sdt(func() error { return w.cells(row, trPr) })
		case "customXml":
			return w.cells(row, trPr)
		}
		return w.skip()
	})
}

// cell reads a w:tc: its paragraphs joined by "\n", nested tables and text
// boxes flattened into lines.
func (w *docxWalker) cell(row *[]string) error {
	var tcPr docxTcPr
	var lines []string
	collect := func(p Para) { lines = docxCellLines(lines, p) }
	err := w.children(func(se xml.StartElement) error {
		if docxIs(se.Name, "tcPr") {
			return w.decode(&tcPr, se)
		}
		return w.blockChild(se, collect)
	})
	if err != nil {
		return err
	}
	text := strings.Join(lines, "\n")
	if tcPr.VMerge.continues() || tcPr.HMerge.continues() {
		text = ""
	}
	if w.nCells++; w.nCells > docxMaxCells {
		return w.tooMany("table cells", docxMaxCells)
	}
	*row = append(*row, text)
	return w.pad(row, tcPr.GridSpan.int()-1)
}

// blockChild reads one block-level element, as blocks does for each child.
func (w *docxWalker) blockChild(se xml.StartElement, emit func(Para)) error {
	switch docxLocal(se.Name) {
	case "p":
		return w.para(emit)
	case "tbl":
		return w.table(emit)
	case "sdt":
		return w.sdt(func() error { return w.blocks(emit) })
	case "customXml", "ins", "moveTo":
		return w.blocks(emit)
	}
	if docxIsAlternate(se.Name) {
		return w.alternate(func() error { return w.blocks(emit) })
	}
	return w.skip()
}

// docxCellLines adds the text of p, or of each cell of a nested table p,
// to lines.
func docxCellLines(lines []string, p Para) []string {
	if p.Rows == nil {
		return append(lines, p.Text)
	}
	for _, row := range p.Rows {
		for _, c := range row {
			if strings.TrimFunc(c, unicode.IsSpace) != "" {
				lines = append(lines, c)
			}
		}
	}
	return lines
}

// docxVal is an element whose w:val attribute is all that matters.
type docxVal struct {
	Val *string `xml:"val,attr"`
}

// on reports whether v is an on/off property that is present and on.
func (v *docxVal) on() bool {
	if v == nil {
		return false
	}
	return v.Val == nil || *v.Val == "1" || *v.Val == "true" || *v.Val == "on"
}

// int returns v's value as a number, 0 when absent or not a number.
func (v docxVal) int() int {
	if v.Val == nil {
		return 0
	}
	n, err := strconv.Atoi(*v.Val)
	if err != nil {
		return 0
	}
	return n
}

// continues reports whether v is a merge property saying "continue".
func (v *docxVal) continues() bool {
	return v != nil && (v.Val == nil || *v.Val == "continue")
}

func (v *docxVal) str() string {
	if v == nil || v.Val == nil {
		return ""
	}
	return *v.Val
}

// docxPPr holds the paragraph properties ReadDocx uses.
type docxPPr struct {
	PStyle     *docxVal   `xml:"pStyle"`
	Jc         *docxVal   `xml:"jc"`
	OutlineLvl *docxVal   `xml:"outlineLvl"`
	NumPr      *docxNumPr `xml:"numPr"`
}

// docxNumPr is a paragraph's reference to a numbering definition.
type docxNumPr struct {
	Ilvl  *docxVal `xml:"ilvl"`
	NumID *docxVal `xml:"numId"`
}

func (p *docxPPr) style() string { return p.PStyle.str() }

// docxRPr holds the run properties ReadDocx uses.
type docxRPr struct {
	RStyle *docxVal `xml:"rStyle"`
	B      *docxVal `xml:"b"`
	Vanish *docxVal `xml:"vanish"`
}

// docxStyle is one w:style of styles.xml.
type docxStyle struct {
	Type    string   `xml:"type,attr"`
	ID      string   `xml:"styleId,attr"`
	Default string   `xml:"default,attr"`
	Name    docxVal  `xml:"name"`
	BasedOn *docxVal `xml:"basedOn"`
	PPr     docxPPr  `xml:"pPr"`
	RPr     docxRPr  `xml:"rPr"`
}

// docxStyles is styles.xml: the styles by id, the default paragraph style
// and the document's default run properties.
type docxStyles struct {
	byID        map[string]*docxStyle
	defaultPara string
	defaultRPr  docxRPr
}

func (s *docxStyles) parse(data []byte) error {
	var doc struct {
		RPr    docxRPr     `xml:"docDefaults>rPrDefault>rPr"`
		Styles []docxStyle `xml:"style"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		return err
	}
	s.defaultRPr = doc.RPr
	for i := range doc.Styles {
		st := &doc.Styles[i]
		if _, dup := s.byID[st.ID]; !dup {
			s.byID[st.ID] = st
		}
		if st.Type == "paragraph" && (st.Default == "1" || st.Default == "true") && s.defaultPara == "" {
			s.defaultPara = st.ID
		}
	}
	return nil
}

// chain calls f on the style id and then on each style it is based on,
// until f returns true; it guards against loops.
func (s *docxStyles) chain(id string, f func(*docxStyle) bool) {
	for range 32 {
		if id == "" {
			return
		}
		st := s.byID[id]
		if st == nil || f(st) {
			return
		}
		id = st.BasedOn.str()
	}
}

// paraStyle returns the id of the style a paragraph with pStyle id uses.
func (s *docxStyles) paraStyle(id string) string {
	if id == "" {
		return s.defaultPara
	}
	return id
}

// name returns the display name of paragraph style id, "" for none.
func (s *docxStyles) name(id string) string {
	if id == "" {
		return ""
	}
	if st := s.byID[id]; st != nil && st.Name.str() != "" {
		return st.Name.str()
	}
	return id
}

// bold reports whether a run with properties rpr in a paragraph of style
// pstyle is bold: its own w:b, else its character style's, else the
// paragraph style's, else the document default.
func (s *docxStyles) bold(rpr *docxRPr, pstyle string) bool {
	if rpr.B != nil {
		return rpr.B.on()
	}
	var b *docxVal
	find := func(st *docxStyle) bool { b = st.RPr.B; return b != nil }
	s.chain(rpr.RStyle.str(), find)
	if b == nil {
		s.chain(s.paraStyle(pstyle), find)
	}
	if b == nil {
		b = s.defaultRPr.B
	}
	return b.on()
}

// centered reports whether a paragraph is centred, directly or by style.
func (s *docxStyles) centered(ppr *docxPPr, pstyle string) bool {
	jc := ppr.Jc
	if jc == nil {
		s.chain(s.paraStyle(pstyle), func(st *docxStyle) bool { jc = st.PPr.Jc; return jc != nil })
	}
	return jc.str() == "center"
}

// outlineLevel returns 1 + w:outlineLvl of the paragraph or its styles, or
// N for a built-in "heading N" style; 0 for body text.
func (s *docxStyles) outlineLevel(ppr *docxPPr, pstyle string) int {
	if ppr.OutlineLvl != nil {
		return docxOutline(ppr.OutlineLvl)
	}
	level := 0
	s.chain(s.paraStyle(pstyle), func(st *docxStyle) bool {
		if st.PPr.OutlineLvl != nil {
			level = docxOutline(st.PPr.OutlineLvl)
			return true
		}
		level = docxHeadingNumber(st.Name.str())
		return level > 0
	})
	return level
}

func docxOutline(v *docxVal) int {
	n, err := strconv.Atoi(v.str())
	if err != nil || n < 0 || n > 8 {
		return 0
	}
	return n + 1
}

// docxHeadingNumber returns N for a style named "heading N" (any case), else 0.
func docxHeadingNumber(name string) int {
	rest, ok := strings.CutPrefix(strings.ToLower(name), "heading")
	rest = strings.TrimSpace(rest)
	if !ok || len(rest) != 1 || rest[0] < '1' || rest[0] > '9' {
		return 0
	}
	return int(rest[0] - '0')
}

// docxTexts reads the w:t text of each elem (comment, footnote, endnote)
// in a part into out, keyed by prefix + its w:id; paragraphs are joined by a
// space.
func docxTexts(data []byte, elem, prefix string, out map[string]string) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	c := &docxTextCollector{elem: elem, prefix: prefix, out: out}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := c.token(tok); err != nil {
			return err
		}
	}
}

// docxTextCollector is the state of docxTexts.
type docxTextCollector struct {
	elem, prefix string
	out          map[string]string
	id           string          // of the elem being read
	sb           strings.Builder // its text so far
	depth        int             // of the current element
	in           int             // depth of the elem being read, 0 if none
	inT          int             // w:t elements open
}

func (c *docxTextCollector) token(tok xml.Token) error {
	switch t := tok.(type) {
	case xml.StartElement:
		c.depth++
		if c.depth > docxMaxDepth {
			return errDocxTooDeep
		}
		c.start(t)
	case xml.EndElement:
		if c.in > 0 && docxLocal(t.Name) == "t" {
			c.inT--
		}
		if c.depth == c.in {
			c.out[c.prefix+c.id] = strings.TrimSpace(c.sb.String())
			c.in = 0
		}
		c.depth--
	case xml.CharData:
		if c.inT > 0 {
			c.sb.Write(t)
		}
	}
	return nil
}

func (c *docxTextCollector) start(t xml.StartElement) {
	switch {
	case c.in == 0 && docxLocal(t.Name) == c.elem:
		c.in, c.id = c.depth, docxAttr(t, "id")
		c.sb.Reset()
	case c.in > 0 && docxLocal(t.Name) == "t":
		c.inT++
	case c.in > 0 && docxLocal(t.Name) == "p" && c.sb.Len() > 0:
		c.sb.WriteByte(' ')
	}
}

// docxLvl is one level of a numbering definition.
type docxLvl struct {
	Ilvl    string   `xml:"ilvl,attr"`
	Start   docxVal  `xml:"start"`
	NumFmt  docxVal  `xml:"numFmt"`
	LvlText docxVal  `xml:"lvlText"`
	Suff    docxVal  `xml:"suff"`
	IsLgl   *docxVal `xml:"isLgl"`
	PStyle  docxVal  `xml:"pStyle"`
}

// start returns the first number of the level.
func (l *docxLvl) start() int {
	if l.Start.Val == nil {
		return 1
	}
	return l.Start.int()
}

// docxNum is a w:num: a numbering instance of an abstract definition, with
// the levels it restarts.
type docxNum struct {
	abstract string
	restarts map[int]int // level → start
}

// docxCounter holds the current number at each level of a definition.
type docxCounter struct {
	n   [9]int
	set [9]bool
}

// docxNumbering is numbering.xml, and the counters of the numbering met so
// far in the document.
type docxNumbering struct {
	abstract map[string][]docxLvl
	nums     map[string]docxNum
	counts   map[string]*docxCounter // by abstract definition
	used     map[string]bool         // numbering instances met
}

func (n *docxNumbering) parse(data []byte) error {
	var doc struct {
		Abstract []struct {
			ID   string    `xml:"abstractNumId,attr"`
			Lvls []docxLvl `xml:"lvl"`
		} `xml:"abstractNum"`
		Nums []struct {
			ID        string  `xml:"numId,attr"`
			Abstract  docxVal `xml:"abstractNumId"`
			Overrides []struct {
				Ilvl  string   `xml:"ilvl,attr"`
				Start *docxVal `xml:"startOverride"`
			} `xml:"lvlOverride"`
		} `xml:"num"`
	}
	if err := xml.Unmarshal(data, &doc); err != nil {
		return err
	}
	for _, a := range doc.Abstract {
		n.abstract[a.ID] = a.Lvls
	}
	for _, num := range doc.Nums {
		def := docxNum{abstract: num.Abstract.str(), restarts: map[int]int{}}
		for _, o := range num.Overrides {
			if l, err := strconv.Atoi(o.Ilvl); err == nil && o.Start != nil && l >= 0 && l < 9 {
				def.restarts[l] = o.Start.int()
			}
		}
		n.nums[num.ID] = def
	}
	return nil
}

// number returns the automatic number of a paragraph with properties ppr
// (its own numbering, else its style's), with its suffix; "" for none.
func (w *docxWalker) number(ppr *docxPPr) string {
	var num *docxNumPr
	if ppr.NumPr != nil && ppr.NumPr.NumID != nil {
		num = ppr.NumPr
	}
	pstyle := w.styles.paraStyle(ppr.style())
	if num == nil {
		w.styles.chain(pstyle, func(st *docxStyle) bool {
			num = st.PPr.NumPr
			return num != nil && num.NumID != nil
		})
	}
	if num == nil || num.NumID == nil {
		return ""
	}
	ilvl := -1
	if num.Ilvl != nil {
		ilvl = num.Ilvl.int()
	} else if ppr.NumPr != nil && ppr.NumPr.Ilvl != nil {
		ilvl = ppr.NumPr.Ilvl.int()
	}
	return w.numbers.next(num.NumID.str(), ilvl, pstyle)
}

// next counts one more paragraph of numbering instance id at level ilvl (-1
// for the level linked to paragraph style pstyle) and returns its label.
func (n *docxNumbering) next(id string, ilvl int, pstyle string) string {
	def, ok := n.nums[id]
	lvls := n.abstract[def.abstract]
	if !ok || len(lvls) == 0 {
		return ""
	}
	if ilvl < 0 {
		ilvl = docxStyleLevel(lvls, pstyle)
	}
	lvl := docxLevel(lvls, ilvl)
	if lvl == nil || ilvl < 0 || ilvl > 8 || lvl.NumFmt.str() == "bullet" {
		return ""
	}
	c := n.counter(id, def)
	if c.set[ilvl] {
		c.n[ilvl]++
	} else {
		c.n[ilvl], c.set[ilvl] = lvl.start(), true
	}
	for k := ilvl + 1; k < 9; k++ {
		c.set[k] = false
	}
	return docxLabel(lvls, lvl, c) + docxSuffix(lvl.Suff.str())
}

// counter returns the counter of def, restarting the levels that instance
// id restarts the first time it is met.
func (n *docxNumbering) counter(id string, def docxNum) *docxCounter {
	c := n.counts[def.abstract]
	if c == nil {
		c = &docxCounter{}
		n.counts[def.abstract] = c
	}
	if n.used == nil {
		n.used = map[string]bool{}
	}
	if !n.used[id] {
		n.used[id] = true
		for l, start := range def.restarts {
			c.n[l], c.set[l] = start-1, true
		}
	}
	return c
}

func docxLevel(lvls []docxLvl, ilvl int) *docxLvl {
	for i := range lvls {
		if lvls[i].Ilvl == strconv.Itoa(ilvl) {
			return &lvls[i]
		}
	}
	return nil
}

// docxStyleLevel returns the level linked to paragraph style pstyle, or 0.
func docxStyleLevel(lvls []docxLvl, pstyle string) int {
	for _, l := range lvls {
		if pstyle != "" && l.PStyle.str() == pstyle {
			n, _ := strconv.Atoi(l.Ilvl)
			return n
		}
	}
	return 0
}

// docxLabel fills in the %1…%9 of lvl's text with the current numbers.
func docxLabel(lvls []docxLvl, lvl *docxLvl, c *docxCounter) string {
	text := lvl.LvlText.str()
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		if text[i] != '%' || i+1 >= len(text) || text[i+1] < '1' || text[i+1] > '9' {
			b.WriteByte(text[i])
			continue
		}
		k := int(text[i+1] - '1')
		i++
		at := docxLevel(lvls, k)
		if at == nil {
			continue
		}
		n := at.start()
		if c.set[k] {
			n = c.n[k]
		}
		format := at.NumFmt.str()
		if lvl.IsLgl.on() {
			format = "decimal"
		}
		b.WriteString(docxFormatNumber(n, format))
	}
	return b.String()
}

func docxSuffix(suff string) string {
	switch suff {
	case "space":
		return " "
	case "nothing":
		return ""
	}
	return "\t"
}

// docxFormatNumber writes n in a w:numFmt format; formats it does not know,
// and numbers out of a format's range, are written in decimal.
func docxFormatNumber(n int, format string) string {
	switch format {
	case "none", "bullet":
		return ""
	case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand":
		return docxChinese(n, "〇一二三四五六七八九", "十百千万", true)
	case "chineseLegalSimplified", "ideographLegalTraditional":
		return docxChinese(n, "零壹贰叁肆伍陆柒捌玖", "拾佰仟万", false)
	case "ideographTraditional":
		return docxCycle(n, "甲乙丙丁戊己庚辛壬癸")
	case "ideographZodiac":
		return docxCycle(n, "子丑寅卯辰巳午未申酉戌亥")
	case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
		return docxDigits(n, "〇一二三四五六七八九")
	case "decimalFullWidth", "decimalFullWidth2":
		return docxDigits(n, "０１２３４５６７８９")
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
		if n >= 1 && n <= 20 {
			return string(rune(0x2460 + n - 1))
		}
	case "decimalZero":
		if n >= 0 && n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case "upperLetter", "lowerLetter":
		return docxLetters(n, format == "upperLetter")
	case "upperRoman", "lowerRoman":
		return docxRoman(n, format == "upperRoman")
	}
	return strconv.Itoa(n)
}

// docxChinese writes 1 ≤ n < 100000 in Chinese numerals: 十一, 一百零五.
// With short, 10-19 drop their leading 一 (十一 rather than 一十一).
func docxChinese(n int, digits, units string, short bool) string {
	if n < 1 || n >= 100000 {
		return strconv.Itoa(n)
	}
	d, u := []rune(digits), []rune(units)
	var b strings.Builder
	s := strconv.Itoa(n)
	zero := false
	for i, ch := range s {
		v, place := int(ch-'0'), len(s)-1-i
		if v == 0 {
			zero = true
			continue
		}
		if zero {
			b.WriteRune(d[0])
			zero = false
		}
		if !(short && v == 1 && place == 1 && len(s) == 2) {
			b.WriteRune(d[v])
		}
		if place > 0 {
			b.WriteRune(u[place-1])
		}
	}
	return b.String()
}

func docxCycle(n int, symbols string) string {
	r := []rune(symbols)
	if n < 1 {
		return strconv.Itoa(n)
	}
	return string(r[(n-1)%len(r)])
}

// docxDigits writes n digit by digit with the given digit set.
func docxDigits(n int, digits string) string {
	if n < 0 {
		return strconv.Itoa(n)
	}
	d := []rune(digits)
	var b strings.Builder
	for _, ch := range strconv.Itoa(n) {
		b.WriteRune(d[ch-'0'])
	}
	return b.String()
}

// docxLetters writes n as Word does: A…Z, then AA…ZZ, AAA….
func docxLetters(n int, upper bool) string {
	if n < 1 || n > 780 {
		return strconv.Itoa(n)
	}
	base := 'a'
	if upper {
		base = 'A'
	}
	return strings.Repeat(string(base+rune((n-1)%26)), (n-1)/26+1)
}

func docxRoman(n int, upper bool) string {
	if n < 1 || n > 3999 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for ; n >= v; n -= v {
			b.WriteString(syms[i])
		}
	}
	if upper {
		return b.String()
	}
	return strings.ToLower(b.String())
}
