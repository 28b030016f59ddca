package source

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/govreport/govreport/internal/report"
)

// docxPara is what the tests compare of a Para.
type docxPara struct {
	Line     int
	Text     string
	Style    string
	Level    int
	Bold     bool
	Centered bool
	Rows     [][]string
}

// docxFinding is what the tests compare of a finding.
type docxFinding struct {
	Line int
	Code string
	Msg  string
}

func docxParas(src *Source) []docxPara {
	var out []docxPara
	for _, p := range src.Paras {
		out = append(out, docxPara{p.Line, p.Text, p.Style, p.OutlineLevel, p.Bold, p.Centered, p.Rows})
	}
	return out
}

func docxFindings(src *Source) []docxFinding {
	var out []docxFinding
	for _, f := range src.Findings {
		out = append(out, docxFinding{f.Line, f.Code, f.Message})
	}
	return out
}

func checkDocx(t *testing.T, src *Source, paras []docxPara, findings []docxFinding) {
	t.Helper()
	if got := docxParas(src); !reflect.DeepEqual(got, paras) {
		t.Errorf("paragraphs:\n got %s\nwant %s", dumpDocx(got), dumpDocx(paras))
	}
	if got := docxFindings(src); !reflect.DeepEqual(got, findings) {
		t.Errorf("findings:\n got %+v\nwant %+v", got, findings)
	}
	for _, f := range src.Findings {
		if f.Level != report.Info && f.Code != "docx-part" {
			t.Errorf("finding %+v: level %v, want info", f, f.Level)
		}
	}
}

func dumpDocx[T any](v []T) string {
	var b strings.Builder
	for _, x := range v {
		fmt.Fprintf(&b, "\n\t%+v", x)
	}
	return b.String()
}

// TestReadDocxFiles reads the .docx files that pandoc and LibreOffice wrote
// (testdata/docx/make.sh).
func TestReadDocxFiles(t *testing.T) {
	tests := []struct {
		file     string
		paras    []docxPara
		findings []docxFinding
	}{
		{
			file: "pandoc_styles.docx",
			paras: []docxPara{
				{Line: 1, Text: "某某镇人民政府工作报告", Style: "Title", Bold: true, Centered: true},
				{Line: 2, Text: "各位代表：", Style: "First Paragraph"},
				{Line: 3, Text: "现在，我代表镇人民政府向大会报告工作，请予审议。", Style: "Body Text"},
				{Line: 4, Text: "一、2023年工作回顾", Style: "Heading 1", Level: 1, Bold: true},
				{Line: 5, Text: "（一）经济发展稳中有进", Style: "Heading 2", Level: 2, Bold: true},
				{Line: 6, Text: "全年完成财政收入XX万元，同比增长5.2%。一是产业提质。二是项目攻坚。", Style: "First Paragraph"},
				{Line: 7, Text: "抓好重点工作，确保落实。", Style: "Body Text"},
				{Line: 8, Text: "全镇现有企业120家。", Style: "Body Text"},
				{Line: 9, Rows: [][]string{
					{"指标", "2023年", "增长"},
					{"地区生产总值", "12.5亿元", "6.1%"},
					{"财政收入", "XX万元", "3.2%"},
				}},
				// Paragraphs 9-17 are the table's cells, 18 holds the image.
				{Line: 19, Text: "1、农业", Style: "Heading 3", Level: 3, Bold: true},
				{Line: 20, Text: "（1）粮食生产。全年粮食产量稳定。", Style: "First Paragraph"},
				{Line: 21, Text: "二、2024年工作安排", Style: "Body Text", Bold: true},
				{Line: 22, Text: "1.抓好春耕生产。", Style: "Compact"},
				{Line: 23, Text: "2.推进高标准农田建设。", Style: "Compact"},
			},
			findings: []docxFinding{
				{6, "docx-note", "footnote ignored: 数据为快报数，以决算为准。"},
				{7, "docx-comment", "comment ignored: 抓好重点工作"},
				{18, "docx-image", "image ignored"},
				{22, "docx-numbering", "automatic numbering written out as text: 1."},
				{23, "docx-numbering", "automatic numbering written out as text: 2."},
			},
		},
		{
			file: "lo_direct.docx",
			paras: []docxPara{
				{Line: 1, Text: "关于2023年某某街道政府工作报告", Style: "Body Text", Bold: true, Centered: true},
				{Line: 2, Text: "——2024年1月5日在某某街道人民代表大会上", Style: "Body Text", Centered: true},
				{Line: 3, Text: "各位代表：", Style: "Body Text"},
				{Line: 4, Text: "　　过去一年，全街道上下团结一心。\n全年实现地区生产总值XX亿元。", Style: "Body Text"},
				{Line: 5, Text: "一、主要工作", Style: "Heading 1", Level: 1, Bold: true},
				{Line: 6, Text: "（一）经济运行", Style: "Heading 2", Level: 2, Bold: true},
				{Line: 7, Text: "　　一是稳增长。二是促转型。", Style: "Body Text"},
				{Line: 8, Text: "1、招商引资", Style: "Body Text", Bold: true},
				{Line: 9, Text: "　　全年签约项目12个。", Style: "Body Text"},
				{Line: 10, Rows: [][]string{
					{"项目", "投资（万元）", ""},
					{"工业", "计划", "实际"},
					{"", "500", "XX"},
					{"其他\n甲\n乙", "20", "30"},
				}},
				{Line: 24, Text: "　　以上报告，请予审议。", Style: "Body Text"},
			},
		},
		{
			file: "lo_odt.docx",
			paras: []docxPara{
				{Line: 1, Text: "政 府 工 作 报 告", Style: "Normal", Bold: true, Centered: true},
				{Line: 2, Text: "——2024年1月8日在某某镇第十八届人民代表大会第三次会议上", Style: "Normal", Centered: true},
				{Line: 4, Text: "各位代表：", Style: "Normal"},
				{Line: 5, Text: "一、2023年工作回顾", Style: "报告一级标题", Level: 1, Bold: true},
				{Line: 6, Text: "（一）综合实力稳步提升", Style: "报告二级标题", Level: 2},
				{Line: 7, Text: "　　全年完成固定资产投资XX亿元，增长12.3%。一是产业升级。二是城乡融合。", Style: "Normal"},
				{Line: 8, Text: "1、发展现代农业", Style: "Normal", Bold: true},
				{Line: 9, Text: "引进GDP Plus项目，建成示范基地\n（此行为手动换行）。", Style: "Normal"},
				{Line: 10, Text: "见下图：", Style: "Normal"},
				{Line: 11, Text: "专栏如下：", Style: "Normal"},
				{Line: 12, Text: "专栏：民生实事十件"},
				{Line: 13, Text: "全部按期完成。"},
				{Line: 14, Text: "一、加快产业转型", Style: "Normal"},
				{Line: 15, Text: "（1）培育龙头企业", Style: "Normal"},
				{Line: 16, Text: "（2）发展电子商务", Style: "Normal"},
				{Line: 17, Text: "二、推进乡村振兴", Style: "Normal"},
				{Line: 18, Text: "（1）改善人居环境", Style: "Normal"},
				{Line: 19, Text: "以上报告，请予审议。", Style: "Normal"},
			},
			findings: []docxFinding{
				{7, "docx-note", "footnote ignored: 不含农户投资。"},
				{7, "docx-comment", "comment ignored: 请核实固定资产投资数据，统计局口径与发改局口径不一致，需再核…"},
				{7, "docx-hidden", "hidden text left out"},
				{10, "docx-image", "image ignored"},
				{11, "docx-textbox", "text box read after its paragraph"},
				{14, "docx-numbering", "automatic numbering written out as text: 一、"},
				{15, "docx-numbering", "automatic numbering written out as text: （1）"},
				{16, "docx-numbering", "automatic numbering written out as text: （2）"},
				{17, "docx-numbering", "automatic numbering written out as text: 二、"},
				{18, "docx-numbering", "automatic numbering written out as text: （1）"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "docx", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			src, err := ReadDocx(tt.file, data)
			if err != nil {
				t.Fatal(err)
			}
			if src.Name != tt.file || src.Title != "" {
				t.Errorf("Name %q Title %q, want %q and no title", src.Name, src.Title, tt.file)
			}
			checkDocx(t, src, tt.paras, tt.findings)
		})
	}
}

const docxNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
	`xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"`

// docxStylesXML is a styles.xml shaped like Chinese Word's: ids that are not
// names ("a" is Normal, "1" is heading 1).
const docxStylesXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ` + docxNS + `>
<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/>
  <w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/></w:style>
<w:style w:type="paragraph" w:styleId="Body9"><w:name w:val="正文无级"/><w:basedOn w:val="1"/>
  <w:pPr><w:outlineLvl w:val="9"/></w:pPr><w:rPr><w:b w:val="0"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Centred"><w:name w:val="居中"/><w:basedOn w:val="a"/>
  <w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b w:val="true"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TitleC"><w:name w:val="报告标题"/><w:basedOn w:val="Centred"/></w:style>
<w:style w:type="paragraph" w:styleId="Loop1"><w:name w:val="环1"/><w:basedOn w:val="Loop2"/></w:style>
<w:style w:type="paragraph" w:styleId="Loop2"><w:name w:val="环2"/><w:basedOn w:val="Loop1"/></w:style>
<w:style w:type="paragraph" w:styleId="NumHead"><w:name w:val="编号标题"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Plain"><w:name w:val="不加粗"/><w:rPr><w:b w:val="off"/></w:rPr></w:style>
</w:styles>`

// docxFile is one file of a zip built by a test.
type docxFile struct{ name, body string }

func buildDocxZip(t testing.TB, files ...docxFile) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, f.body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func docxDocument(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<w:document ` + docxNS + `><w:body>` + body + `<w:sectPr/></w:body></w:document>`
}

// buildDocx returns a .docx whose body is body, with docxStylesXML and the
// extra parts given.
func buildDocx(t testing.TB, body string, extra ...docxFile) []byte {
	files := append([]docxFile{
		{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		{"word/document.xml", docxDocument(body)},
		{"word/styles.xml", docxStylesXML},
	}, extra...)
	return buildDocxZip(t, files...)
}

func wp(inner string) string { return `<w:p>` + inner + `</w:p>` }
func wr(text string) string  { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }
func wpStyle(id string) string {
	return `<w:pPr><w:pStyle w:val="` + id + `"/></w:pPr>`
}
func wrb(text, rpr string) string {
	return `<w:r><w:rPr>` + rpr + `</w:rPr><w:t>` + text + `</w:t></w:r>`
}
func wtc(tcPr, inner string) string { return `<w:tc><w:tcPr>` + tcPr + `</w:tcPr>` + inner + `</w:tc>` }

func wnum(numID, ilvl string) string {
	return `<w:pPr><w:numPr><w:ilvl w:val="` + ilvl + `"/><w:numId w:val="` + numID + `"/></w:numPr></w:pPr>`
}

// docxNumberingXML defines numbering as Chinese offices use it: 一、 then
// （1）, a legal-style third level, a bulleted list, a list restarting at 5,
// and a level linked to a paragraph style.
const docxNumberingXML = `<w:numbering ` + docxNS + `>
<w:abstractNum w:abstractNumId="10">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:isLgl/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="%1.%2.%3"/><w:suff w:val="space"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="11">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="·"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="12">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:pStyle w:val="NumHead"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%1、"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="13">
  <w:lvl w:ilvl="0"><w:numFmt w:val="none"/><w:lvlText w:val=""/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="11"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="12"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="13"/></w:num>
</w:numbering>`

const docxTextbox = `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>` +
	`<w:p><w:r><w:t>专栏一</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>` +
	`<mc:Fallback><w:pict><v:rect><v:textbox><w:txbxContent><w:p><w:r><w:t>专栏一</w:t></w:r></w:p>` +
	`</w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>`

// TestReadDocxMarkup checks each kind of markup on small documents built in
// the test, for what the producers above did not write.
func TestReadDocxMarkup(t *testing.T) {
	tests := []struct {
		name     string
		body     string
		extra    []docxFile
		paras    []docxPara
		findings []docxFinding
	}{
		{
			name: "runs inside wrappers, deletions and field codes left out",
			body: wp(wr("一、") + `<w:ins w:id="1">` + wr("全镇") + `</w:ins>` +
				`<w:del w:id="2"><w:r><w:delText>共有</w:delText></w:r></w:del>` +
				`<w:moveFrom><w:r><w:t>旧位置</w:t></w:r></w:moveFrom><w:moveTo>` + wr("现有") + `</w:moveTo>` +
				`<w:hyperlink r:id="rId9">` + wr("企业") + `</w:hyperlink>` +
				`<w:smartTag w:element="place">` + wr("120") + `</w:smartTag>` +
				`<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>` + wr("家") + `</w:sdtContent></w:sdt>` +
				`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>` +
				`<w:r><w:fldChar w:fldCharType="separate"/></w:r>` + wr("，") + `<w:r><w:fldChar w:fldCharType="end"/></w:r>` +
				`<w:fldSimple w:instr=" DATE ">` + wr("其中") + `</w:fldSimple>` +
				`<w:customXml w:element="x">` + wr("规上") + `</w:customXml>` +
				`<w:r><w:ruby><w:rt><w:r><w:t>gōng</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>工</w:t></w:r></w:rubyBase></w:ruby></w:r>` +
				`<w:bookmarkStart w:id="0" w:name="b"/>` + wr("业") + `<w:bookmarkEnd w:id="0"/>` +
				`<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:r><m:t>x</m:t></m:r></m:oMath>` +
				wr("。")),
			paras: []docxPara{{Line: 1, Text: "一、全镇现有企业120家，其中规上工业。"}},
		},
		{
			name: "tabs, breaks and hyphens",
			body: wp(`<w:r><w:br w:type="page"/></w:r>`+wr("GDP")+`<w:r><w:tab/></w:r>`+wr("Plus")+
				`<w:r><w:tab/><w:tab/></w:r>`+wr("2")+`<w:r><w:tab/></w:r>`+wr("年")+
				`<w:r><w:ptab w:alignment="right"/></w:r>`+wr("建成")+`<w:r><w:br/></w:r>`+wr("基地")+
				`<w:r><w:cr/></w:r>`+wr("COVID")+`<w:r><w:noBreakHyphen/><w:softHyphen/></w:r>`+wr("19")) +
				wp(wr("Word")+`<w:r><w:tab/></w:r>`) +
				wp(wr("a\tb")),
			paras: []docxPara{
				{Line: 1, Text: "GDP Plus 2年建成\n基地\nCOVID-19"},
				{Line: 2, Text: "Word"},
				{Line: 3, Text: "a b"},
			},
		},
		{
			name:  "empty paragraphs are counted but dropped",
			body:  `<w:p/>` + wp(wpStyle("1")) + wp(wr(" ")+wr("　")) + wp(`<w:r><w:br/></w:r>`) + wp(wr("正文")),
			paras: []docxPara{{Line: 5, Text: "正文"}},
		},
		{
			name: "styles, outline levels and alignment",
			body: wp(wpStyle("1")+wr("一、标题")) +
				wp(wpStyle("2")+wr("（一）小标题")) +
				wp(wpStyle("Body9")+wr("无级正文")) +
				wp(`<w:pPr><w:outlineLvl w:val="2"/></w:pPr>`+wr("大纲三级")) +
				wp(`<w:pPr><w:pStyle w:val="1"/><w:outlineLvl w:val="9"/></w:pPr>`+wr("正文级别")) +
				wp(wpStyle("TitleC")+wr("居中标题")) +
				wp(`<w:pPr><w:pStyle w:val="TitleC"/><w:jc w:val="both"/></w:pPr>`+wr("两端对齐")) +
				wp(`<w:pPr><w:jc w:val="center"/></w:pPr>`+wr("直接居中")) +
				wp(wpStyle("Missing")+wr("未知样式")) +
				wp(wpStyle("Loop1")+wr("循环样式")) +
				wp(`<w:pPr><w:outlineLvl w:val="x"/></w:pPr>`+wr("坏级别")),
			paras: []docxPara{
				{Line: 1, Text: "一、标题", Style: "heading 1", Level: 1, Bold: true},
				{Line: 2, Text: "（一）小标题", Style: "heading 2", Level: 2, Bold: true},
				{Line: 3, Text: "无级正文", Style: "正文无级"},
				{Line: 4, Text: "大纲三级", Level: 3},
				{Line: 5, Text: "正文级别", Style: "heading 1", Bold: true},
				{Line: 6, Text: "居中标题", Style: "报告标题", Bold: true, Centered: true},
				{Line: 7, Text: "两端对齐", Style: "报告标题", Bold: true},
				{Line: 8, Text: "直接居中", Centered: true},
				{Line: 9, Text: "未知样式", Style: "Missing"},
				{Line: 10, Text: "循环样式", Style: "环1"},
				{Line: 11, Text: "坏级别"},
			},
		},
		{
			name: "bold runs",
			body: wp(wrb("一是", "<w:b/>")+wrb("抓产业。", `<w:b w:val="1"/>`)) +
				wp(wrb("二是", "<w:b/>")+wr("抓项目。")) +
				wp(wrb("　", "")+wrb("三是", `<w:rStyle w:val="Strong"/>`)+wr(" ")) +
				wp(wpStyle("1")+wrb("四是", `<w:rStyle w:val="Plain"/>`)) +
				wp(wpStyle("1")+wrb("五是", `<w:b w:val="false"/>`)) +
				wp(wrb("六是", `<w:b w:val="on"/>`)+wrb("七是", `<w:b w:val="0"/><w:bCs/>`)) +
				wp(wrb("八是", `<w:bCs/>`)),
			paras: []docxPara{
				{Line: 1, Text: "一是抓产业。", Bold: true},
				{Line: 2, Text: "二是抓项目。"},
				{Line: 3, Text: "　三是 ", Bold: true},
				{Line: 4, Text: "四是", Style: "heading 1", Level: 1},
				{Line: 5, Text: "五是", Style: "heading 1", Level: 1},
				{Line: 6, Text: "六是七是"},
				{Line: 7, Text: "八是"},
			},
		},
		{
			name: "tables: merged cells, nested tables, empty tables",
			body: wp(wr("表前")) + `<w:tbl><w:tblPr/><w:tblGrid/>` +
				`<w:tr>` + wtc(`<w:gridSpan w:val="2"/>`, wp(wr("指标"))) + wtc(``, wp(wr("备注"))) + `</w:tr>` +
				`<w:tr>` + wtc(`<w:vMerge w:val="restart"/>`, wp(wr("工业"))) + wtc(``, wp(wr("一季度"))+wp(wr("二季度"))) +
				wtc(``, wp(`<w:r><w:drawing><a:blip r:embed="rId1"/></w:drawing></w:r>`)) + `</w:tr>` +
				`<w:tr>` + wtc(`<w:vMerge/>`, wp("")) + wtc(``, `<w:tbl><w:tr>`+wtc(``, wp(wr("甲")))+wtc(``, wp(""))+wtc(``, wp(wr("乙")))+
				`</w:tr></w:tbl>`+wp("")) + wtc(`<w:vMerge w:val="continue"/>`, wp(wr("残留"))) + `</w:tr>` +
				`<w:sdt><w:sdtContent><w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>` +
				wtc(``, wp(wr("中"))) + `</w:tr></w:sdtContent></w:sdt>` +
				`<w:tr>` + wtc(`<w:hMerge w:val="restart"/>`, wp(wr("合"))) + wtc(`<w:hMerge/>`, wp("")) + wtc(``, wp("")) + `</w:tr>` +
				`<w:tr>` + wtc(`<w:gridSpan w:val="100000"/>`, wp(wr("宽"))) + `</w:tr>` +
				`</w:tbl>` +
				`<w:tbl><w:tr>` + wtc(``, wp("")) + `</w:tr></w:tbl>` +
				wp(wr("表后")),
			paras: []docxPara{
				{Line: 1, Text: "表前"},
				{Line: 2, Rows: [][]string{
					{"指标", "", "备注"},
					{"工业", "一季度\n二季度", ""},
					{"", "甲\n乙", ""},
					{"", "中", ""},
					{"合", "", ""},
					append([]string{"宽"}, make([]string, docxMaxSpan)...),
				}},
				{Line: 20, Text: "表后"},
			},
			findings: []docxFinding{{7, "docx-image", "image ignored"}},
		},
		{
			name: "text boxes, images and objects",
			body: wp(wr("专栏如下：")+docxTextbox) +
				wp(`<w:r><w:pict><v:shape><v:textbox><w:txbxContent>`+wp(wr("框内"))+wp("")+`</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`) +
				wp(`<w:r><w:drawing><a:graphic><a:graphicData><a:p><a:r><a:t>艺术字</a:t></a:r></a:p></a:graphicData></a:graphic></w:drawing></w:r>`+wr("图")) +
				wp(`<w:r><w:object><v:imagedata r:id="rId3"/><o:OLEObject r:id="rId4"/></w:object></w:r>`) +
				wp(`<w:r><w:pict><v:shape><v:imagedata r:id="rId5"/><v:textbox><w:txbxContent>`+wp(wr("图注"))+`</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`),
			paras: []docxPara{
				{Line: 1, Text: "专栏如下："},
				{Line: 2, Text: "专栏一"},
				{Line: 4, Text: "框内"},
				{Line: 6, Text: "图"},
				{Line: 9, Text: "图注"},
			},
			findings: []docxFinding{
				{1, "docx-textbox", "text box read after its paragraph"},
				{3, "docx-textbox", "text box read after its paragraph"},
				{6, "docx-image", "image ignored"},
				{7, "docx-image", "embedded object ignored"},
				{8, "docx-textbox", "text box read after its paragraph"},
				{8, "docx-image", "image ignored"},
			},
		},
		{
			name: "comments and notes",
			body: wp(`<w:commentRangeStart w:id="0"/>`+wr("财政收入")+`<w:commentRangeEnd w:id="0"/>`+
				`<w:r><w:commentReference w:id="0"/></w:r>`+wr("XX万元")+`<w:r><w:footnoteReference w:id="1"/></w:r>`) +
				wp(wr("注")+`<w:r><w:endnoteReference w:id="2"/></w:r><w:r><w:commentReference w:id="7"/></w:r>`+
					`<w:r><w:footnoteReference w:id="9"/></w:r>`),
			extra: []docxFile{
				{"word/comments.xml", `<w:comments ` + docxNS + `><w:comment w:id="0" w:author="审核"><w:p>` +
					wr("请核实") + `</w:p><w:p>` + wr("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十多出") + `</w:p></w:comment></w:comments>`},
				{"word/footnotes.xml", `<w:footnotes ` + docxNS + `><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
					`<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>` + wr(" 快报数。") + `</w:p></w:footnote></w:footnotes>`},
				{"word/endnotes.xml", `<w:endnotes ` + docxNS + `><w:endnote w:id="2"><w:p>` + wr("资料来源：统计局") + `</w:p></w:endnote></w:endnotes>`},
			},
			paras: []docxPara{
				{Line: 1, Text: "财政收入XX万元"},
				{Line: 2, Text: "注"},
			},
			findings: []docxFinding{
				{1, "docx-comment", "comment ignored: 请核实 一二三四五六七八九十一二三四五六七八九十一二三四五六…"},
				{1, "docx-note", "footnote ignored: 快报数。"},
				{2, "docx-note", "endnote ignored: 资料来源：统计局"},
				{2, "docx-comment", "comment ignored"},
				{2, "docx-note", "footnote ignored"},
			},
		},
		{
			name:     "hidden text",
			body:     wp(wr("公开") + wrb("内部", `<w:vanish/>`) + wrb("可见", `<w:vanish w:val="0"/>`)),
			paras:    []docxPara{{Line: 1, Text: "公开可见"}},
			findings: []docxFinding{{1, "docx-hidden", "hidden text left out"}},
		},
		{
			name: "content controls, custom XML and alternate content around blocks",
			body: `<w:sdt><w:sdtPr/><w:sdtContent>` + wp(wr("目录")) + `</w:sdtContent></w:sdt>` +
				`<w:customXml w:element="sec">` + wp(wr("自定义")) + `</w:customXml>` +
				`<mc:AlternateContent><mc:Fallback>` + wp(wr("备选")) + `</mc:Fallback></mc:AlternateContent>` +
				`<w:unknownThing>` + wp(wr("未知容器")) + `</w:unknownThing>`,
			paras: []docxPara{{Line: 1, Text: "目录"}, {Line: 2, Text: "自定义"}, {Line: 3, Text: "备选"}},
		},
		{
			name:  "malformed auxiliary part is reported, not fatal",
			body:  wp(wr("正文") + `<w:r><w:commentReference w:id="0"/></w:r>`),
			extra: []docxFile{{"word/comments.xml", `<w:comments ` + docxNS + `><w:comment w:id="0">`}},
			paras: []docxPara{{Line: 1, Text: "正文"}},
			findings: []docxFinding{
				{0, "docx-part", "word/comments.xml left out: XML syntax error on line 1: unexpected EOF"},
				{1, "docx-comment", "comment ignored"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := ReadDocx("t.docx", buildDocx(t, tt.body, tt.extra...))
			if err != nil {
				t.Fatal(err)
			}
			checkDocx(t, src, tt.paras, tt.findings)
		})
	}
}

// TestReadDocxPackages covers packages laid out unlike Word's own.
func TestReadDocxPackages(t *testing.T) {
	strict := `<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"><w:body>` +
		`<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>严格格式</w:t></w:r></w:p></w:body></w:document>`
	rels := `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>`
	tests := []struct {
		name  string
		files []docxFile
		want  []docxPara
	}{
		{"strict namespace, no styles", []docxFile{{"word/document.xml", strict}},
			[]docxPara{{Line: 1, Text: "严格格式", Bold: true, Centered: true}}},
		{"main part named by _rels/.rels", []docxFile{{"_rels/.rels", rels}, {"word/document2.xml", docxDocument(wp(wr("另名")))}},
			[]docxPara{{Line: 1, Text: "另名"}}},
		{"backslashes in zip names", []docxFile{{`word\document.xml`, docxDocument(wp(wr("反斜杠")))}},
			[]docxPara{{Line: 1, Text: "反斜杠"}}},
		{"empty body", []docxFile{{"word/document.xml", docxDocument("")}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := ReadDocx("t.docx", buildDocxZip(t, tt.files...))
			if err != nil {
				t.Fatal(err)
			}
			checkDocx(t, src, tt.want, nil)
		})
	}
}

// setDocxLimit lowers a limit for one test.
func setDocxLimit[T int | int64](t *testing.T, v *T, n T) {
	old := *v
	*v = n
	t.Cleanup(func() { *v = old })
}

func TestReadDocxErrors(t *testing.T) {
	realDocx, err := os.ReadFile("testdata/docx/pandoc_styles.docx")
	if err != nil {
		t.Fatal(err)
	}
	randomBytes := make([]byte, 4096)
	rand.New(rand.NewSource(1)).Read(randomBytes)
	corrupt := storedDocx(t, docxDocument(wp(wr("原来的数据"))))
	i := bytes.Index(corrupt, []byte("原来"))
	copy(corrupt[i:], "后来") // well-formed still, but the checksum fails
	manyFiles := make([]docxFile, 11)
	for i := range manyFiles {
		manyFiles[i] = docxFile{fmt.Sprintf("f%d.xml", i), "x"}
	}
	tests := []struct {
		name  string
		data  []byte
		setup func(t *testing.T)
		want  string
	}{
		{"empty", nil, nil, "x.docx: the file is empty; save it again from Word as .docx"},
		{"randomBytes bytes", randomBytes, nil, "x.docx: not a .docx file (not a zip archive); save it again from Word as .docx"},
		{"plain text", []byte("各位代表：\n"), nil, "x.docx: not a .docx file (not a zip archive)"},
		{"old .doc", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), randomBytes...), nil, "x.docx: not a .docx file (an old Word .doc"},
		{"truncated to half", realDocx[:len(realDocx)/2], nil, "x.docx: the .docx file is damaged or cut short (truncated zip"},
		{"truncated by 10 bytes", realDocx[:len(realDocx)-10], nil, "x.docx: the .docx file is damaged or cut short"},
		{"checksum fails", corrupt, nil, "x.docx: the .docx file is damaged: cannot read word/document.xml (zip: checksum error)"},
		{"no document.xml", buildDocxZip(t, docxFile{"word/styles.xml", docxStylesXML}), nil,
			"x.docx: not a .docx file: it has no word/document.xml; save it again from Word as .docx"},
		{"an .odt", buildDocxZip(t, docxFile{"mimetype", "application/vnd.oasis.opendocument.text"}, docxFile{"content.xml", "<x/>"}), nil,
			"x.docx: not a .docx file: it has no word/document.xml (it looks like an OpenDocument .odt file)"},
		{"malformed XML", buildDocxZip(t, docxFile{"word/document.xml", docxDocument(wp(wr("a")) + "\n\n<w:p><w:r></w:p>")}), nil,
			"x.docx: word/document.xml is not well-formed XML at line 4: element <r> closed by </p>; the file may be damaged"},
		{"cut XML", buildDocxZip(t, docxFile{"word/document.xml", "<w:document " + docxNS + "><w:body><w:p>"}), nil,
			"x.docx: word/document.xml is not well-formed XML at line 1: unexpected EOF"},
		{"no root element", buildDocxZip(t, docxFile{"word/document.xml", "<?xml version=\"1.0\"?>"}), nil,
			"x.docx: word/document.xml ends before its body"},
		{"wrong root", buildDocxZip(t, docxFile{"word/document.xml", "<html><body/></html>"}), nil,
			"x.docx: word/document.xml is not a Word document (its root is <html>)"},
		{"bad pPr", buildDocxZip(t, docxFile{"word/document.xml", docxDocument(`<w:p><w:pPr><w:jc></w:pPr></w:p>`)}), nil,
			"x.docx: word/document.xml is not well-formed XML at line 2: element <jc> closed by </pPr>"},
		{"too deep", buildDocxZip(t, docxFile{"word/document.xml", docxDocument(strings.Repeat("<w:x>", 300) + strings.Repeat("</w:x>", 300))}), nil,
			"x.docx: refused: word/document.xml nests elements more than 256 deep"},
		{"too manyFiles files", buildDocxZip(t, append(manyFiles, docxFile{"word/document.xml", docxDocument("")})...),
			func(t *testing.T) { setDocxLimit(t, &docxMaxEntries, 10) },
			"x.docx: refused: the .docx holds 12 files, more than 10"},
		{"document.xml too big", buildDocx(t, wp(wr(strings.Repeat("字", 1000)))),
			func(t *testing.T) { setDocxLimit(t, &docxMaxDocument, 1024) },
			"x.docx: refused: word/document.xml would expand to more than 1 KiB"},
		{"styles.xml too big", buildDocx(t, ""),
			func(t *testing.T) { setDocxLimit(t, &docxMaxPart, 1000) },
			"x.docx: refused: word/styles.xml would expand to more than 1000 bytes"},
		{"all parts too big", buildDocx(t, wp(wr(strings.Repeat("字", 1000)))),
			func(t *testing.T) { setDocxLimit(t, &docxMaxTotal, 4096) },
			"x.docx: refused: the parts of the .docx would expand to more than 4 KiB in all"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.setup != nil {
				tt.setup(t)
			}
			src, err := ReadDocx("x.docx", tt.data)
			if err == nil {
				t.Fatalf("no error; read %d paragraphs", len(src.Paras))
			}
			if src != nil {
				t.Errorf("a Source came with the error")
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error\n %q\nwant it to start\n %q", err, tt.want)
			}
		})
	}
}

// docxBombSizes are the sizes of the bombs: 200 MiB of zeros, and text
// enough to go well past a limit lowered to 1 MiB.
var docxBombSizes = map[string]int{"zeros": 200 << 20, "text": 16 << 20}

// docxBomb is the deflated contents of a bomb's word/document.xml.
type docxBomb struct {
	data []byte
	crc  uint32
}

// storedDocx returns a zip holding document as word/document.xml, stored
// without compression.
func storedDocx(t *testing.T, document string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Store})
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, document)
	zw.Close()
	return buf.Bytes()
}

var (
	docxBombsMu sync.Mutex
	docxBombs   = map[string]docxBomb{}
)

// docxBombData returns about docxBombSizes[kind] bytes of that kind,
// deflated, and their CRC-32: "zeros" is NUL bytes, "text" a w:t holding
// "aaa…". Each is built once, in well under 1 MiB of memory.
func docxBombData(kind string) docxBomb {
	docxBombsMu.Lock()
	defer docxBombsMu.Unlock()
	if b, ok := docxBombs[kind]; ok {
		return b
	}
	chunk := make([]byte, 1<<20)
	var head []byte
	if kind == "text" {
		open, _, _ := strings.Cut(docxDocument(""), "<w:sectPr/>")
		head = []byte(open + "<w:p><w:r><w:t>")
		copy(chunk, strings.Repeat("a", len(chunk)))
	}
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestCompression)
	h := crc32.NewIEEE()
	w := io.MultiWriter(fw, h)
	w.Write(head)
	for n := len(head); n < docxBombSizes[kind]; n += len(chunk) {
		w.Write(chunk)
	}
	fw.Close()
	b := docxBomb{buf.Bytes(), h.Sum32()}
	docxBombs[kind] = b
	return b
}

// docxBombZip returns a zip whose word/document.xml is a bomb of the kind
// given, its header declaring the size declared.
func docxBombZip(t *testing.T, kind string, declared uint64) []byte {
	b := docxBombData(kind)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "word/document.xml", Method: zip.Deflate, CRC32: b.crc,
		CompressedSize64: uint64(len(b.data)), UncompressedSize64: declared,
	})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(b.data)
	zw.Close()
	return buf.Bytes()
}

// TestReadDocxZipBomb checks that a zip bomb is refused without being
// expanded: the error comes, and little memory is used on the way.
func TestReadDocxZipBomb(t *testing.T) {
	tests := []struct {
		name, kind string
		declared   uint64
		limit      int64
		want       string
	}{
		{"honest header, default limit", "zeros", 200 << 20, docxMaxDocument,
			"bomb.docx: refused: word/document.xml would expand to more than 64 MiB"},
		{"honest header, lowered limit", "text", 16 << 20, 1 << 20,
			"bomb.docx: refused: word/document.xml would expand to more than 1 MiB"},
		{"header lies small", "zeros", 1000, 1 << 20,
			"bomb.docx: the .docx file is damaged: cannot read word/document.xml"},
		// The decoder reads text up to the limit; the zip reader then stops
		// at the declared size, as ReadDocx's own bound would.
		{"header lies at the limit", "text", 1 << 20, 1 << 20,
			"bomb.docx: the .docx file is damaged: cannot read word/document.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := docxBombZip(t, tt.kind, tt.declared)
			setDocxLimit(t, &docxMaxDocument, tt.limit)
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			_, err := ReadDocx("bomb.docx", data)
			elapsed := time.Since(start)
			runtime.ReadMemStats(&after)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("error %v, want it to start %q", err, tt.want)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
				t.Errorf("allocated %d MiB reading a bomb; it should stop early", alloc>>20)
			}
			if elapsed > 5*time.Second {
				t.Errorf("took %v; it should stop early", elapsed)
			}
		})
	}
}

// docxZeroReader reads zeros forever, counting what it gave.
type docxZeroReader struct{ n int64 }

func (z *docxZeroReader) Read(p []byte) (int, error) {
	clear(p)
	z.n += int64(len(p))
	return len(p), nil
}

// TestDocxBoundedReader checks that a part is cut off at its limit while it
// is read, whatever its header said.
func TestDocxBoundedReader(t *testing.T) {
	tests := []struct {
		name         string
		limit, total int64
		want         string
	}{
		{"part limit", 1 << 20, 128 << 20, "b.docx: refused: word/document.xml would expand to more than 1 MiB"},
		{"total limit", 64 << 20, 2 << 20, "b.docx: refused: the parts of the .docx would expand to more than 2 MiB in all"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			setDocxLimit(t, &docxMaxTotal, tt.total)
			src := &docxZeroReader{}
			pkg := &docxPackage{name: "b.docx"}
			br := &docxBoundedReader{rc: io.NopCloser(nil), r: io.LimitReader(src, tt.limit+1), pkg: pkg, part: "word/document.xml", limit: tt.limit}
			n, err := io.Copy(io.Discard, br)
			var le *docxLimitError
			if !errors.As(err, &le) || err.Error() != tt.want {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if bound := min(tt.limit, tt.total) + 64<<10; src.n > bound || n > bound {
				t.Errorf("read %d bytes (passed on %d) past a limit of %d", src.n, n, min(tt.limit, tt.total))
			}
		})
	}
}

func TestDocxTabs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"no tabs", "no tabs"},
		{"GDP\tPlus", "GDP Plus"},
		{"GDP\t\t\tPlus", "GDP Plus"},
		{"2023\t年", "2023年"},
		{"建成\t示范", "建成示范"},
		{"\tLead", "Lead"},
		{"Tail\t", "Tail"},
		{"Café\tÉté", "Café Été"},
		{"A\t、B", "A、B"},
		{"1\t2", "1 2"},
	}
	for _, tt := range tests {
		if got := docxTabs(tt.in); got != tt.want {
			t.Errorf("docxTabs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDocxFormatNumber(t *testing.T) {
	tests := []struct {
		n      int
		format string
		want   string
	}{
		{3, "decimal", "3"},
		{3, "unknownFormat", "3"},
		{3, "none", ""},
		{1, "chineseCounting", "一"},
		{10, "chineseCounting", "十"},
		{11, "chineseCounting", "十一"},
		{20, "chineseCounting", "二十"},
		{105, "chineseCountingThousand", "一百〇五"},
		{110, "taiwaneseCountingThousand", "一百一十"},
		{2024, "chineseCounting", "二千〇二十四"},
		{12, "chineseLegalSimplified", "壹拾贰"},
		{0, "chineseCounting", "0"},
		{3, "ideographTraditional", "丙"},
		{11, "ideographTraditional", "甲"},
		{2, "ideographZodiac", "丑"},
		{2024, "ideographDigital", "二〇二四"},
		{12, "decimalFullWidth", "１２"},
		{1, "decimalEnclosedCircle", "①"},
		{20, "decimalEnclosedCircleChinese", "⑳"},
		{21, "decimalEnclosedCircle", "21"},
		{7, "decimalZero", "07"},
		{27, "upperLetter", "AA"},
		{2, "lowerLetter", "b"},
		{1994, "upperRoman", "MCMXCIV"},
		{4, "lowerRoman", "iv"},
	}
	for _, tt := range tests {
		if got := docxFormatNumber(tt.n, tt.format); got != tt.want {
			t.Errorf("docxFormatNumber(%d, %q) = %q, want %q", tt.n, tt.format, got, tt.want)
		}
	}
}

func TestDocxClip(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"", 3, ""},
		{"一二三", 3, "一二三"},
		{"一二三四", 3, "一二三…"},
		{"abc", 0, "…"},
	}
	for _, tt := range tests {
		if got := docxClip(tt.in, tt.n); got != tt.want {
			t.Errorf("docxClip(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

// FuzzReadDocx checks that no input makes ReadDocx panic or return a
// malformed Source.
func FuzzReadDocx(f *testing.F) {
	files, _ := filepath.Glob("testdata/docx/*.docx")
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte{})
	f.Add([]byte("PK\x03\x04"))
	f.Add(buildDocx(f, wp(wr("一、")+docxTextbox)+`<w:tbl><w:tr>`+wtc(`<w:gridSpan w:val="3"/>`, wp(wr("表")))+`</w:tr></w:tbl>`))
	f.Add(buildDocxZip(f, docxFile{"word/document.xml", docxDocument(wp(wr("a")))}))
	// Small limits keep each run fast; what matters is that no input panics.
	doc, part, total := docxMaxDocument, docxMaxPart, docxMaxTotal
	docxMaxDocument, docxMaxPart, docxMaxTotal = 1<<20, 1<<20, 2<<20
	f.Cleanup(func() { docxMaxDocument, docxMaxPart, docxMaxTotal = doc, part, total })
	f.Fuzz(func(t *testing.T, data []byte) {
		src, err := ReadDocx("f.docx", data)
		if err != nil {
			if src != nil {
				t.Fatalf("a Source came with error %v", err)
			}
			if !strings.HasPrefix(err.Error(), "f.docx: ") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		if src.Name != "f.docx" {
			t.Fatalf("Name %q", src.Name)
		}
		for _, p := range src.Paras {
			if p.Line < 1 || (p.Text == "") == (p.Rows == nil) {
				t.Fatalf("malformed paragraph %+v", p)
			}
		}
	})
}

// TestReadDocxControls (issue 8 item 12): a control character that XML
// lets through (DEL, C1) is refused, naming its paragraph.
func TestReadDocxControls(t *testing.T) {
	for _, tt := range []struct{ body, want string }{
		{wp(`<w:r><w:t>第一段</w:t></w:r>`) + wp(`<w:r><w:t>第二&#x7f;段</w:t></w:r>`), "c.docx: paragraph 2: control character U+007F"},
		{`<w:tbl><w:tr><w:tc>` + wp(`<w:r><w:t>格&#x93;</w:t></w:r>`) + `</w:tc></w:tr></w:tbl>`, "c.docx: paragraph 1: control character U+0093"},
	} {
		_, err := ReadDocx("c.docx", buildDocx(t, tt.body))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("err = %v, want %s…", err, tt.want)
		}
	}
}

// docxRepeated returns a .docx whose body is head, then unit repeated to
// about size bytes of XML.
func docxRepeated(t testing.TB, head, unit, tail string, size int) []byte {
	var b strings.Builder
	b.WriteString(head)
	for b.Len() < size {
		b.WriteString(unit)
	}
	b.WriteString(tail)
	return buildDocx(t, b.String())
}

// docxBounded are .docx files, a few hundred KB each, whose main part
// expands into far more than a report holds, and the refusal each gets.
var docxBounded = []struct {
	name, head, unit, tail, want string
}{
	// The case: a 190 KB file of merged cells took 1.6 GB.
	{"merged cells", `<w:tbl><w:tr><w:tc>` + wp(`<w:r><w:t>格</w:t></w:r>`) + `</w:tc>`,
		`<w:tc><w:tcPr><w:gridSpan w:val="63"/></w:tcPr></w:tc>`, `</w:tr></w:tbl>`, "more than 50000 table cells"},
	{"padded rows", `<w:tbl><w:tr><w:tc>` + wp(`<w:r><w:t>格</w:t></w:r>`) + `</w:tc></w:tr>`,
		`<w:tr><w:trPr><w:gridBefore w:val="63"/><w:gridAfter w:val="63"/></w:trPr></w:tr>`, `</w:tbl>`, "more than 50000 table cells"},
	{"paragraphs", "", wp(`<w:r><w:t>段</w:t></w:r>`), "", "more than 50000 paragraphs"},
	{"empty paragraphs", "", `<w:p/>`, "", "more than 50000 paragraphs"},
	{"comments", `<w:p>`, `<w:r><w:commentReference w:id="1"/></w:r>`, `</w:p>`, "more than 10000 images, comments"},
	{"text", `<w:p><w:r><w:t>`, "财政收入一千二百万元，", `</w:t></w:r></w:p>`, "more than 1048576 bytes of text"},
	{"runs", `<w:p>`, `<w:r><w:t>财政收入</w:t></w:r>`, `</w:p>`, "more than 1048576 bytes of text"},
}

// TestReadDocxBounded (issue 8 item 18): a .docx whose main part holds
// more paragraphs, cells, findings or text than a report is refused with
// a message saying so, having used little memory on the way.
func TestReadDocxBounded(t *testing.T) {
	for _, tt := range docxBounded {
		t.Run(tt.name, func(t *testing.T) {
			data := docxRepeated(t, tt.head, tt.unit, tt.tail, 24<<20)
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := Read("big.docx", data)
			runtime.ReadMemStats(&after)
			if err == nil || !strings.HasPrefix(err.Error(), "big.docx: refused: the .docx holds "+tt.want) {
				t.Fatalf("%d KB .docx: err = %v, want …%s", len(data)>>10, err, tt.want)
			}
			t.Logf("%d KB .docx refused after allocating %d MiB", len(data)>>10, (after.TotalAlloc-before.TotalAlloc)>>20)
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 128<<20 {
				t.Errorf("allocated %d MiB before refusing a %d KB file", alloc>>20, len(data)>>10)
			}
		})
	}
}
