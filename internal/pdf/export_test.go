package pdf

// For the tests of package pdf_test, which build a real site.
var (
	PNGTexts       = pngTexts
	ColourDistance = colourDistance
)
