package typo

import (
	"os"
	"strings"
	"testing"
)

// normCases are inputs and what Normalize must make of them; want "" means
// unchanged. Every case is also checked for Undo and idempotence.
var normCases = []struct{ name, in, want string }{
	// Half-width punctuation next to Chinese.
	{"colon comma", "各位代表:现在,我代表XX镇人民政府", "各位代表：现在，我代表XX镇人民政府"},
	{"semicolon after percent", "同比增长20.56%;完成固定资产投资", "同比增长20.56%；完成固定资产投资"},
	{"exclamation", "各位代表!过去一年", "各位代表！过去一年"},
	{"question before space", "怎么办? 我们要", "怎么办？ 我们要"},
	{"question between han stays", "怎么办?我们要", ""},
	{"question at line end", "好不好?\n下一行", "好不好？\n下一行"},
	{"spaces looked past", "中 , 文", "中 ， 文"},
	{"comma before latin", "访问APP,然后", "访问APP，然后"},
	{"comma chain", "中,,a", "中，，a"},
	{"decimal", "新修水渠1.35公里", ""},
	{"thousands", "共1,200人", ""},
	{"thousands then comma", "共1,200,其中", "共1,200，其中"},
	{"time", "上午10:30召开", ""},
	{"digits both sides", "第2、3,4项", ""},
	{"ratio", "比例为1:2的", ""},
	{"latin text", "Hello, world! e.g. this", ""},
	{"url", "访问http://a.b/c?x=1,2了解", ""},
	{"url then comma", "见http://a.b/c,谢谢", "见http://a.b/c，谢谢"},
	{"www", "登录www.gov.cn;查询", "登录www.gov.cn；查询"},
	{"url with parens", "见http://a.b/f(x)。", ""},
	{"url in parens", "(见http://a.b/c)", "（见http://a.b/c）"},
	{"url then figure", "见http://a.b/?n=2 %", ""},
	{"url figure kept", "见http://a.b/?n=1O0万", ""},
	{"question between names", "阿不都?热合曼", ""},
	{"double question between names", "阿不都??热合曼", ""},
	{"half-width dot never", "一.加强", ""},

	// Parentheses by pairs.
	{"section marker", "(一)社会发展稳健有力", "（一）社会发展稳健有力"},
	{"paren inside word", "各村(社区)积极开展", "各村（社区）积极开展"},
	{"paren years", "规划(20212025年)实施", "规划（20212025年）实施"},
	{"paren digits chinese outside", "(1)加强领导", "（1）加强领导"},
	{"paren latin inside", "阜阳港(FYG)码头", "阜阳港（FYG）码头"},
	{"function", "函数f(x)的值", ""},
	{"function latin", "f(x) = x+1", ""},
	{"paren after file name", "报告.docx(11页珍藏版)》", "报告.docx（11页珍藏版）》"},
	{"mixed paren", "（一)社会", "（一）社会"},
	{"nested", "((一))", "（（一））"},
	{"unmatched open", "中(abc", "中（abc"},
	{"unmatched latin", "f(x", ""},
	{"pinyin stays half-width", "泥河鎮(zhèn)人民政府", ""},
	{"pinyin, other syllables", "現(xiàn)在，經(jīng)濟穩(wěn)中有進", ""},
	{"pinyin-like without a tone", "稻虾(zhen)养殖", "稻虾（zhen）养殖"},
	{"han in parentheses", "稻蝦(漁)綜合", "稻蝦（漁）綜合"},

	// Quotes.
	{"double quotes", `开展"四下基层"活动`, "开展“四下基层”活动"},
	{"quotes around latin", `说"APP"好`, "说“APP”好"},
	{"latin quotes", `He said "hi" to me`, ""},
	{"curly opener straight closer", `“四下基层"现场`, "“四下基层”现场"},
	{"straight opener curly closer", `"四下基层”现场`, "“四下基层”现场"},
	{"two pairs", `"甲"和"乙"`, "“甲”和“乙”"},
	{"nested single", `他说"要'三个'原则"`, "他说“要‘三个’原则”"},
	{"apostrophe", "Xi'an市", ""},
	{"closing 301E", "“四下基层〞现场", "“四下基层”现场"},
	{"301D pair kept", "〝四下基层〞现场", ""},
	{"quotes per line", "\"甲\"\n\"乙\"", "“甲”\n“乙”"},

	// Dashes and ellipses.
	{"yiyi company", "重点培育一家规上企业一一安徽昊源工艺品有限公司，", "重点培育一家规上企业——安徽昊源工艺品有限公司，"},
	{"yiyi cooperative", "示范社一一星豪种植专业合作社；", "示范社——星豪种植专业合作社；"},
	{"yiyi dash-led paragraph", "一一综合实力更强。", "——综合实力更强。"},
	{"yiyi after punct", "重点：一一综合实力更强。", "重点：——综合实力更强。"},
	{"yiyi subtitle", "一一2023年2月2日在XX镇第十八届人民代表大会上", "——2023年2月2日在XX镇第十八届人民代表大会上"},
	{"yiyi year", "二〇一一年", ""},
	{"yiyi number", "一一〇", ""},
	{"yiyi correspond", "一一对应", ""},
	{"yiyi correspond after colon", "要求：一一对应", ""},
	{"yiyi verify", "逐一一核实", ""},
	{"yiyi unify", "统一一批", ""},
	{"yiyi only", "唯一一家公司", ""},
	{"yiyi solve", "问题一一解决", ""},
	{"yiyi list", "把问题一一列举", ""},
	{"yiyi implement", "一一落实到村", ""},
	{"yiyi rectify", "问题一一整改到位", ""},
	{"yiyi no evidence", "企业一一安徽", ""},
	{"yiyi company mid-sentence", "引导企业一一安徽昊源工艺品有限公司做大做强", "引导企业——安徽昊源工艺品有限公司做大做强"},
	{"yiyi factory", "培育一一星光服装厂，", "培育——星光服装厂，"},
	{"yiyi arrange", "把任务一一安排到公司", ""},
	{"yiyi visit company", "对企业一一走访服务公司", ""},
	{"yiyi three", "一一一", ""},
	{"hyphens", "中--中", "中——中"},
	{"hyphens latin", "a--b", ""},
	{"three hyphens", "中---中", ""},
	{"single hyphen", "稻米种植-深加工-仓储", ""},
	{"full-width hyphens", "中－－中", "中——中"},
	{"lone em dash between words", "企业—安徽", ""},
	{"connector place names", "加快西宁—海东都市圈一体化进程", ""},
	{"connector chain in quotes", "“西宁—成都—曼谷”全货机联程航线", ""},
	{"connector scenic spots", "青海湖—岗什卡雪山入选", ""},
	{"connector cities", "开通北京—上海高铁", ""},
	{"connector latin", "G6京藏高速—G109国道", ""},
	{"connector after a bracketed name", "举办中国（白河）—东盟农业合作大会", ""},
	{"connector after a half-width bracket", "举办中国(白河)—东盟农业合作大会", "举办中国（白河）—东盟农业合作大会"},
	{"dash after a marker in brackets", "（一）—全面推进乡村振兴", "（一）——全面推进乡村振兴"},
	{"dash after a bracket after a figure", "增长5%（预计）—全面完成", "增长5%（预计）——全面完成"},
	{"lone em dash line start", "—综合实力更强。", "——综合实力更强。"},
	{"lone em dash after colon", "目标：—建设美丽乡村", "目标：——建设美丽乡村"},
	{"lone em dash before quote", "一个目标—“全面振兴”", "一个目标——“全面振兴”"},
	{"lone em dash after space", "主要任务 —建设美丽乡村", "主要任务 ——建设美丽乡村"},
	{"horizontal bars", "――2026年1月27日在青海省第十四届人民代表大会上", "——2026年1月27日在青海省第十四届人民代表大会上"},
	{"horizontal bars mid-sentence", "一个目标――全面振兴", "一个目标——全面振兴"},
	{"lone horizontal bar line start", "―综合实力更强。", "——综合实力更强。"},
	{"lone horizontal bar between words", "西宁―海东", ""},
	{"three horizontal bars", "中―――中", ""},
	{"double em dash", "企业——安徽", ""},
	{"em dash range", "2020—2025", ""},
	{"em dash date range", "1月—12月", ""},
	{"page number", "— 1 —", ""},
	{"dots", "等等...", "等等……"},
	{"six dots", "等等......", "等等……"},
	{"dots latin", "etc...", ""},
	{"dots digits", "1...5", ""},
	{"periods", "等等。。。", "等等……"},
	{"lone ellipsis", "等等…", "等等……"},
	{"ellipsis", "等等……", ""},

	// OCR slips.
	{"IlOO", "位于卜林村总投资IlOO多万元的低温仓储", "位于卜林村总投资1100多万元的低温仓储"},
	{"year O", "2O23年", "2023年"},
	{"O in number", "新增耕地1O0亩", "新增耕地100亩"},
	{"decimal O", "1.O5亿元", "1.05亿元"},
	{"O no unit", "截至2O23,", "截至2023,"},
	{"o as period", "最低领取金额XX元/月o2023年镇卫生院", "最低领取金额XX元/月。2023年镇卫生院"},
	{"o between han", "完成任务o全年", "完成任务。全年"},
	{"greek year", "到二Ο三五年", "到二〇三五年"},
	{"latin year", "二O二三年", "二〇二三年"},
	{"lowercase o year", "二o二三年", "二〇二三年"},
	{"o between numerals", "二o二三", ""},
	{"o after year", "二〇二三年o全镇", "二〇二三年。全镇"},
	{"year too long", "二二O二三年", ""},
	{"cyrillic year", "二о二三年", "二〇二三年"},
	{"latin words", "APP IOS LED O2O模式 H2O ISO9001 CO2 Windows10 hello2O23 Vol.1O PM2.5", ""},
	{"l for 1", "共1l人", "共11人"},
	{"lO", "lO万元", "10万元"},
	{"o2o", "O2O模式", ""},
	{"roman", "第II期 III类水质 I级", ""},
	{"english", "I am a look", ""},
	{"litres", "10l水 5l", ""},
	{"lookalike only no O", "Il万元", ""},
	{"per mille", "3%o2", ""},

	// Spaces between a figure and its unit.
	{"space percent", "增长77.8 %", "增长77.8%"},
	{"space year", "2022 年", "2022年"},
	{"space yi", "31.88 亿元", "31.88亿元"},
	{"ideographic space", "2022\u3000年", "2022年"},
	{"space in name", "习 近平", ""},
	{"space before number", "共 5 人", "共 5人"},
	{"space latin", "Windows 10 专业版", ""},
	{"space code", "B2 级", ""},
	{"space after ocr", "IlOO 多万元", "1100多万元"},

	// A full-width ％ after a figure.
	{"full-width percent", "增长5.1％，城镇", "增长5.1%，城镇"},
	{"full-width percent, integers", "分别增长10％、6.4％", "分别增长10%、6.4%"},
	{"full-width percent after a space", "增长5.1 ％", "增长5.1%"},
	{"full-width percent after ocr", "增长1O％", "增长10%"},
	{"full-width percent, no figure", "增长％", ""},
	{"full-width percent after a placeholder", "增长XX％", ""},
	{"full-width percent after a word", "PM2.5浓度下降A％", ""},

	// Several rules at once.
	{"seed sentence", "新增农村低保48户95人,切实做到\"应保尽保,应退尽退\"。", "新增农村低保48户95人，切实做到“应保尽保，应退尽退”。"},
}

// regressions are inputs on which Normalize once was not idempotent.
var regressions = []string{
	"\"о\n?www.）一一?二\n〇\u3000",    // ? between 一一 and 二: 一一 became ——
	"二〇\u3000\n2 -…x/Ο〇o二〇oΟ年:\"", // o both 。 and part of a year
	"‘.二...Ο.1月’\u3000％）二〇2...‘",  // ... before a number became ……
	"－...Ο.2%5二\n\nо\n!",
	"www._％X\n逐1公司a年'，2o5/lIΟ万!;...\u3000-一（〇_1f-二〇。元",          // 2o5/ decided by l after /
	"，xhttp://a.b/c?x=1,2 %10:30f(x)’:\u3000,\n!\n亩:多解决公司)x年:统", // 2 % joined the URL
	"http://a.b/c?x=1,2Ο%)f(x)”aX零万零元 I’文",                      // Ο made 0 extended the URL
	"l亩:〇逐（二〇http://.， 〝\u3000亩月\u3000元:\"\n二〇Ο二〇5Ο5/O.l％",
}

func TestRegressions(t *testing.T) {
	for _, s := range regressions {
		checkProperties(t, s)
	}
}

func TestNormalize(t *testing.T) {
	for _, c := range normCases {
		t.Run(c.name, func(t *testing.T) {
			want := c.want
			if want == "" {
				want = c.in
			}
			got, changes := Normalize(c.in)
			if got != want {
				t.Errorf("Normalize(%q)\n got %q\nwant %q\nchanges %+v", c.in, got, want, changes)
			}
			checkProperties(t, c.in)
		})
	}
}

// checkProperties checks what must hold for every input: the changes fit
// the output in order, Undo restores the input, a second run changes
// nothing.
func checkProperties(t *testing.T, in string) {
	t.Helper()
	out, changes := Normalize(in)
	prev := 0
	for _, c := range changes {
		if c.Off < prev || c.Off+len(c.New) > len(out) || out[c.Off:c.Off+len(c.New)] != c.New || c.Old == c.New {
			t.Fatalf("bad change %+v in %q (previous ended at %d)", c, out, prev)
		}
		switch c.Code {
		case CodePunct, CodeDash, CodeOCR, CodeSpace:
		default:
			t.Fatalf("bad code %+v", c)
		}
		prev = c.Off + len(c.New)
	}
	if back := Undo(out, changes); back != in {
		t.Fatalf("Undo(Normalize(%q)) = %q", in, back)
	}
	if again, ch2 := Normalize(out); again != out || len(ch2) != 0 {
		t.Fatalf("Normalize not idempotent on %q: %q -> %q %+v", in, out, again, ch2)
	}
}

func TestChangesReported(t *testing.T) {
	in := "总投资IlOO多万元,同比增长77.8 %;企业一一安徽星豪有限公司"
	out, changes := Normalize(in)
	want := []Change{
		{Off: len("总投资"), Old: "IlOO", New: "1100", Code: CodeOCR},
		{Off: len("总投资1100多万元"), Old: ",", New: "，", Code: CodePunct},
		{Off: len("总投资1100多万元，同比增长77.8"), Old: " ", New: "", Code: CodeSpace},
		{Off: len("总投资1100多万元，同比增长77.8%"), Old: ";", New: "；", Code: CodePunct},
		{Off: len("总投资1100多万元，同比增长77.8%；企业"), Old: "一一", New: "——", Code: CodeDash},
	}
	if len(changes) != len(want) {
		t.Fatalf("got %d changes %+v, want %d", len(changes), changes, len(want))
	}
	for i := range want {
		if changes[i] != want[i] {
			t.Errorf("change %d = %+v, want %+v", i, changes[i], want[i])
		}
	}
	if out != "总投资1100多万元，同比增长77.8%；企业——安徽星豪有限公司" {
		t.Errorf("out = %q", out)
	}
}

func TestNothingToDo(t *testing.T) {
	in := "2023年是全面贯彻党的二十大精神的开局之年。"
	out, changes := Normalize(in)
	if out != in || changes != nil {
		t.Fatalf("got %q %v", out, changes)
	}
	if n := testing.AllocsPerRun(100, func() { Normalize(in) }); n > 0 {
		t.Errorf("clean text allocates %v times", n)
	}
}

func TestUndoBadChanges(t *testing.T) {
	// Out-of-range or disordered changes must not panic.
	got := Undo("abc", []Change{{Off: 5, Old: "x", New: "y"}, {Off: -1, Old: "x", New: ""}, {Off: 1, Old: "Z", New: "b"}})
	if got != "aZc" {
		t.Errorf("got %q", got)
	}
	if got := Undo("abc", []Change{{Off: 2, Old: "1", New: "c"}, {Off: 0, Old: "2", New: "a"}}); got != "2b1" {
		t.Errorf("disordered: got %q", got)
	}
}

func TestSeedProperties(t *testing.T) {
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Skip("seed not present:", err)
	}
	s := string(b)
	checkProperties(t, s)
	out, changes := Normalize(s)
	counts := map[string]int{}
	for _, c := range changes {
		counts[c.Code]++
	}
	if counts[CodeOCR] != 2 || counts[CodeDash] != 3 {
		t.Errorf("seed: %v", counts)
	}
	for _, bad := range []string{"IlOO", "月o2023", "一一安徽", ",", ";", "(一)"} {
		if strings.Contains(out, bad) {
			t.Errorf("seed output still has %q", bad)
		}
	}
	for _, keep := range []string{"1.35公里", "20.56%", "稻米种植-深加工", "反诈APP安装", "融合一二三产"} {
		if !strings.Contains(out, keep) {
			t.Errorf("seed output lost %q", keep)
		}
	}
}

const seedPath = "../../../shared/seed/000_08af8ba22e60be61.txt"
