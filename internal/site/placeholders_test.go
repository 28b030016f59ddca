package site

import "testing"

func TestMarkHTML(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`<main><p id="p1">财政收入XX万元，增长5%。</p></main>`, `<main><p id="p1">财政收入<u>XX</u>万元，增长5%。</p></main>`},
		{`<main><p>××村与**万元</p></main>`, `<main><p><u>××</u>村与<u>**</u>万元</p></main>`},
		{`<main><p>&lt;b&gt;XX &amp; 1</p></main>`, `<main><p>&lt;b&gt;<u>XX</u> &amp; 1</p></main>`},
		{`<header>XX镇人民政府</header><main><dl><dd>XX镇</dd></dl><p>XX</p></main><footer>XX</footer>`,
			`<header>XX镇人民政府</header><main><dl><dd>XX镇</dd></dl><p><u>XX</u></p></main><footer>XX</footer>`},
		{`<main><td><u>XX万元</u><small>数值未公开</small></td></main>`, `<main><td><u>XX万元</u><small>数值未公开</small></td></main>`},
		{`<main><script>var XX = 1</script><p title="XX">无</p></main>`, `<main><script>var XX = 1</script><p title="XX">无</p></main>`},
		// The note goes where the page asks, only when something was marked.
		{`<main><p id="pn" hidden></p><p>在X村新建道路ｘｘ公里</p></main>`, `<main>` + placeholderNote + `<p>在<u>X</u>村新建道路<u>ｘｘ</u>公里</p></main>`},
		{`<main><p id="pn" hidden></p><p>新建道路5公里</p></main>`, `<main><p>新建道路5公里</p></main>`},
	} {
		if got := string(markHTML([]byte(c.in))); got != c.want {
			t.Errorf("markHTML(%s)\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}
