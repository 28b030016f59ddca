// Package searchtest makes archives of synthetic reports for the search
// index's tests, benchmarks and measurements: the seed report
// (sources/000_08af8ba22e60be61.txt, imported with outline.Import) varied
// report by report — its place, year, villages and figures changed — so
// that 10,000 of them read like an archive of seed-sized reports without
// being copies of one text.
package searchtest

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/govreport/govreport/internal/outline"
	"github.com/govreport/govreport/internal/report"
	"github.com/govreport/govreport/internal/testcorpus"
)

// Places is how many places an archive of n reports spreads over: ten
// years of reports for each.
func Places(n int) int { return max(1, (n+9)/10) }

var (
	seedOnce sync.Once
	seedDoc  *report.Doc
	seedErr  error
)

// Seed returns the seed report as imported (a fresh copy each call).
func Seed() (*report.Doc, error) {
	seedOnce.Do(func() {
		path := filepath.Join(testcorpus.Root(), "sources", testcorpus.SeedSource)
		data, err := os.ReadFile(path)
		if err != nil {
			seedErr = err
			return
		}
		seedDoc, _, seedErr = outline.Import(path, data)
	})
	if seedErr != nil {
		return nil, seedErr
	}
	return clone(seedDoc), nil
}

func clone(d *report.Doc) *report.Doc {
	c := &report.Doc{Meta: d.Meta, Blocks: make([]report.Block, len(d.Blocks))}
	copy(c.Blocks, d.Blocks)
	for i, b := range c.Blocks {
		if b.Rows != nil {
			rows := make([][]string, len(b.Rows))
			for j, r := range b.Rows {
				rows[j] = append([]string(nil), r...)
			}
			c.Blocks[i].Rows = rows
		}
	}
	return c
}

// Name pools: made-up places and villages (青山镇, 王岗村), never real ones.
const (
	placeFirst  = "青白黄红东西南北上下大小新古平安长永清明金银石云龙凤桃柳松竹梅兰河湖山林"
	placeSecond = "山河湖溪川塘桥岭岗峰泉源田坪坝湾洲港口集镇城店营庄"
	surnames    = "王李张刘陈杨赵周吴徐孙马朱胡郭何高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁蔡蒋余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤"
	villageEnds = "庄岗集楼营湾寨店坊桥圩郢洼湖台"
)

// seedNames are the villages and local names of the seed; each report
// replaces each of them with a name of its own.
var seedNames = []string{"卜林", "潘庄", "顾郢", "鲁庙", "姚岗", "洪楼", "汤庄", "许庄", "六里", "十里", "十步", "阜阳", "颍上", "合周", "寿颍"}

// PlaceName returns the name of place i (0 ≤ i < 3×len(first)×len(second)):
// 青山镇, 青山乡, 青山街道 ….
func PlaceName(i int) string {
	f, s := []rune(placeFirst), []rune(placeSecond)
	kinds := []string{"镇", "乡", "街道"}
	n := len(f) * len(s)
	j := (i * 7919) % n // spread neighbours over the alphabet
	return string(f[j/len(s)]) + string(s[j%len(s)]) + kinds[(i/n)%len(kinds)]
}

var digitRun = regexp.MustCompile(`[0-9]+`)

// Archive returns n synthetic reports: place i/10 (PlaceName), years 2024
// down to 2015, each with its own villages and figures (random, from seed).
func Archive(n int, seed uint64) ([]*report.Doc, error) {
	base, err := Seed()
	if err != nil {
		return nil, err
	}
	docs := make([]*report.Doc, n)
	var wg sync.WaitGroup
	workers := 4
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += workers {
				docs[i] = variant(base, i, seed)
			}
		}()
	}
	wg.Wait()
	return docs, nil
}

// variant is report i of an archive.
func variant(base *report.Doc, i int, seed uint64) *report.Doc {
	rng := rand.New(rand.NewPCG(seed, uint64(i)))
	d := clone(base)
	place := PlaceName(i / 10)
	year := 2024 - i%10
	sur, ends := []rune(surnames), []rune(villageEnds)
	var pairs []string
	for _, n := range seedNames {
		pairs = append(pairs, n, string(sur[rng.IntN(len(sur))])+string(ends[rng.IntN(len(ends))]))
	}
	kind := strings.TrimLeft(place, placeFirst+placeSecond) // 镇, 乡, 街道
	pairs = append(pairs, "XX镇", place, "我镇", "我"+kind, "全镇", "全"+kind)
	names := strings.NewReplacer(pairs...)
	years := map[string]string{"2022": strconv.Itoa(year - 1), "2023": strconv.Itoa(year), "2024": strconv.Itoa(year + 1), "2025": strconv.Itoa(year + 2)}
	vary := func(s string) string {
		s = names.Replace(s)
		s = strings.ReplaceAll(s, "XX", strconv.Itoa(10+rng.IntN(990)))
		return digitRun.ReplaceAllStringFunc(s, func(num string) string {
			if y, ok := years[num]; ok {
				return y
			}
			b := []byte(num)
			for j := range b {
				if j > 0 || len(b) == 1 {
					b[j] = byte('0' + rng.IntN(10))
				} else {
					b[j] = byte('1' + rng.IntN(9))
				}
			}
			return string(b)
		})
	}
	for j := range d.Blocks {
		b := &d.Blocks[j]
		b.Lead, b.Text = vary(b.Lead), vary(b.Text)
		for _, r := range b.Rows {
			for k := range r {
				r[k] = vary(r[k])
			}
		}
	}
	m := &d.Meta
	m.Title = fmt.Sprintf("%d年%s政府工作报告", year, place)
	m.Place, m.Year = place, year
	m.Date = fmt.Sprintf("%d-%02d-%02d", year+1, 1+rng.IntN(3), 1+rng.IntN(28))
	// The place's number keeps page names apart when two names read the
	// same in pinyin (青山, 清山).
	m.Slug = outline.Slug(year, place) + "-" + strconv.Itoa(i/10)
	m.Source = ""
	return d
}
