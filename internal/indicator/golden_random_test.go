package indicator

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/testcorpus"
)

// goldenRandomDocs is how many random documents testdata/golden/random.tsv
// records.
const goldenRandomDocs = 3000

// randomPieces are words the rules of Extract react to: figures, units,
// magnitudes, qualifiers, change words, markers, years, periods, lists,
// Traditional characters, odd bytes.
var randomPieces = strings.Fields(`1 2 3 12 2023 2024 2025 2030 4.2 1,200 0.5 XX xx ×× ** _ 5G 100MW 3-5 3至5 一 两 三 十 二十三 一百零五
	万 亿 万亿 元 万元 亿元 亩 人 人次 户 个 家 项 % ％ ‰ 个百分点 倍 年 月 岁 周岁 吨 标准煤 公里 平方米 元/月 方
	近 约 超 超过 余 多 以上 以下 左右 不足 同比增长 增长 下降 提高 提高到 降至 增加 减少 达到 达 为 完成 实现 新增
	累计 预计 预计（下同） 力争 确保 争取 将 计划 拟 预期 年均 五年来 这五年 “十四五” 十四五 期间 末 明年 由 从 至 到
	财政收入 地区生产总值 粮食产量 社会消费品零售总额 项目 企业 农田 建设 分别 和 、 及 的 在 第 前 每 全镇 我镇 其中
	， 。 ； ： ！ ？ , ; : ( ) （ ） “ ” — \n 萬元 億元 增長 預計 畝 工作報告 \xe4 \xb8 ①`)

// realLines are the lines of the seed and sources/*.txt, for random
// documents to splice.
func realLines(t *testing.T) []string {
	files, _ := filepath.Glob(filepath.Join(testcorpus.Root(), "sources", "*.txt"))
	var lines []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			if len(l) > 20 {
				lines = append(lines, l)
			}
		}
	}
	if len(lines) < 100 {
		t.Fatalf("%d lines", len(lines))
	}
	return lines
}

// randomText splices pieces of real lines (cut at any byte, so also inside
// a character) with random pieces.
func randomText(r *rand.Rand, lines []string) string {
	var b strings.Builder
	for n := r.IntN(12) + 1; n > 0; n-- {
		if r.IntN(3) == 0 {
			l := lines[r.IntN(len(lines))]
			i := r.IntN(len(l))
			j := min(len(l), i+1+r.IntN(120))
			if r.IntN(4) != 0 { // mostly whole characters
				for i > 0 && l[i]&0xC0 == 0x80 {
					i--
				}
				for j < len(l) && l[j]&0xC0 == 0x80 {
					j++
				}
			}
			b.WriteString(l[i:j])
			continue
		}
		p := randomPieces[r.IntN(len(randomPieces))]
		if strings.HasPrefix(p, `\`) {
			p = map[string]string{`\n`: "\n", `\xe4`: "\xe4", `\xb8`: "\xb8"}[p]
		}
		b.WriteString(p)
	}
	return b.String()
}

var randomKinds = []report.Kind{report.Paragraph, report.Paragraph, report.Paragraph, report.Part, report.Section,
	report.Heading, report.Point, report.Item, report.Table, report.Notice}

var randomTitles = []string{"2023年工作回顾", "2024年工作安排", "“十五五”主要目标任务", "今后五年的工作", "过去五年工作回顾",
	"目标任务完成情况", "切实加强政府自身建设", "2025年主要预期目标"}

// randomDoc is a document of random blocks.
func randomDoc(r *rand.Rand, lines []string) *report.Doc {
	doc := &report.Doc{}
	doc.Meta.Year = []int{0, 2023, 2024}[r.IntN(3)]
	for k := r.IntN(8) + 1; k > 0; k-- {
		b := report.Block{Kind: randomKinds[r.IntN(len(randomKinds))], ID: fmt.Sprintf("b%d", k)}
		switch b.Kind {
		case report.Part, report.Section, report.Heading:
			b.Lead = randomTitles[r.IntN(len(randomTitles))]
			if r.IntN(3) == 0 {
				b.Lead = randomText(r, lines)
			}
		case report.Table:
			for range r.IntN(3) + 1 {
				b.Rows = append(b.Rows, []string{randomText(r, lines), randomText(r, lines), randomText(r, lines)})
			}
		default:
			if r.IntN(4) == 0 {
				b.Lead = randomText(r, lines)
			}
			b.Text = randomText(r, lines)
		}
		doc.Blocks = append(doc.Blocks, b)
	}
	return doc
}

// TestGoldenRandom: on random documents spliced from the repository's
// reports and words the rules react to, Extract gives the figures whose
// hashes testdata/golden/random.tsv records.
func TestGoldenRandom(t *testing.T) {
	n := goldenRandomDocs
	if testing.Short() {
		n = 300
	}
	lines := realLines(t)
	r := rand.New(rand.NewPCG(11, 12))
	var got bytes.Buffer
	got.WriteString("doc\tfigures\tsha256\n")
	for i := range goldenRandomDocs {
		doc := randomDoc(r, lines)
		if i >= n {
			continue
		}
		ins := Extract(doc)
		sum := sha256.Sum256([]byte(indicatorLines(ins)))
		fmt.Fprintf(&got, "%d\t%d\t%x\n", i, len(ins), sum[:8])
	}
	if n < goldenRandomDocs {
		want, err := os.ReadFile(filepath.Join("testdata", "golden", "random.tsv"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(want, got.Bytes()) {
			compareGolden(t, "random.tsv", got.String())
		}
		return
	}
	compareGolden(t, "random.tsv", got.String())
}
