package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// blockAttributes is a goldmark extension that reads a line `{#id .class}`
// right after a block as that block's attributes, the way Hugo's
// markup.goldmark.parser.attribute.block does, so that the build reads
// content exactly as Hugo renders it.
type blockAttributes struct{}

var kindAttributes = ast.NewNodeKind("Attributes")

// attributesNode holds a parsed attribute line until the transformer moves
// its attributes to the block before it.
type attributesNode struct{ ast.BaseBlock }

func (n *attributesNode) Kind() ast.NodeKind { return kindAttributes }

func (n *attributesNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

func (blockAttributes) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		parser.WithBlockParsers(util.Prioritized(attrParser{}, 100)),
		parser.WithASTTransformers(util.Prioritized(attrTransformer{}, 100)),
	)
}

type attrParser struct{}

func (attrParser) Trigger() []byte { return []byte{'{'} }

func (attrParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	_, at := reader.PeekLine()
	attrs, ok := parser.ParseAttributes(reader)
	if !ok {
		return nil, parser.RequireParagraph
	}
	if line, _ := reader.PeekLine(); len(util.TrimRightSpace(line)) > 0 {
		return nil, parser.RequireParagraph // text after the braces: not an attribute line
	}
	n := &attributesNode{}
	n.Lines().Append(text.NewSegment(at.Start, at.Start)) // where the line starts
	for _, a := range attrs {
		n.SetAttribute(a.Name, a.Value)
	}
	return n, parser.NoChildren
}

func (attrParser) Continue(ast.Node, text.Reader, parser.Context) parser.State { return parser.Close }
func (attrParser) Close(ast.Node, text.Reader, parser.Context)                 {}
func (attrParser) CanInterruptParagraph() bool                                 { return true }
func (attrParser) CanAcceptIndentedLine() bool                                 { return false }

type attrTransformer struct{}

// Transform moves each attribute line's attributes to the block right
// before it (no blank line between), and drops the line. After a raw HTML
// block that a closing line ends (</pre>, -->), goldmark flags the next line
// as following a blank one; Hugo never sees such a block (Write escapes it
// into a paragraph), so the line right after the closing one is the
// block's, as an editor wrote it.
func (attrTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	var found []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == kindAttributes {
			found = append(found, n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, n := range found {
		if prev := n.PreviousSibling(); prev != nil && (!n.HasBlankPreviousLines() || rightAfterClosure(prev, n)) {
			for _, a := range n.Attributes() {
				prev.SetAttribute(a.Name, a.Value)
			}
		}
		n.Parent().RemoveChild(n.Parent(), n)
	}
}

// rightAfterClosure reports whether attribute line n starts right after the
// closing line of HTML block prev.
func rightAfterClosure(prev, n ast.Node) bool {
	h, ok := prev.(*ast.HTMLBlock)
	return ok && h.HasClosure() && n.Lines().Len() > 0 && h.ClosureLine.Stop == n.Lines().At(0).Start
}
