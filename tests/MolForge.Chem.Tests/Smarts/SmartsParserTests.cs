using FsCheck;
using FsCheck.Fluent;
using MolForge.Chem.Smarts;

namespace MolForge.Chem.Tests.Smarts;

public class SmartsParserTests
{
    [Fact]
    public void Every_reference_pattern_parses()
    {
        // Crippen, QED acceptors/alerts, 480 PAINS, Lipinski and hand-made patterns (all parsed by RDKit).
        Assert.True(PropsReferenceFiles.Patterns.Count > 700);
        foreach (var (id, smarts) in PropsReferenceFiles.Patterns)
        {
            var ok = SmartsQuery.TryParse(smarts, out var q, out var error);
            Assert.True(ok, $"{id}: {error}");
            Assert.True(q!.AtomCount > 0);
        }
    }

    [Theory]
    [InlineData("c1ccccc1", 6, 6)]
    [InlineData("C(=O)[OH1,O-]", 3, 2)]
    [InlineData("C.O", 2, 0)]
    [InlineData("[$(C-[$(O-[#1,C])])]", 1, 0)]
    [InlineData("*1[O,S,N]*1", 3, 3)]
    [InlineData("c:1:c:c:c:c:c:1-[#1]", 7, 7)]
    [InlineData("C%10CC%10", 3, 3)]
    [InlineData("[CH2]([N,O])C(C)(C)C", 6, 5)]
    public void Counts_atoms_and_bonds(string smarts, int atoms, int bonds)
    {
        var q = SmartsQuery.Parse(smarts);
        Assert.Equal(atoms, q.AtomCount);
        Assert.Equal(bonds, q.Bonds.Count);
    }

    [Fact]
    public void Precedence_of_logical_operators_follows_Daylight()
    {
        // [C,N;R] = (C or N) and R; [O,S!D1] = O or (S and not D1); [!#6&X4] = (not #6) and X4.
        var q = SmartsQuery.Parse("[C,N;R]");
        var and = Assert.IsType<AndAtomExpr>(q.Atoms[0]);
        Assert.IsType<OrAtomExpr>(and.Terms[0]);
        Assert.IsType<PositivePropertyExpr>(and.Terms[1]);
        var or = Assert.IsType<OrAtomExpr>(SmartsQuery.Parse("[O,S!D1]").Atoms[0]);
        Assert.IsType<ElementExpr>(or.Terms[0]);
        Assert.IsType<AndAtomExpr>(or.Terms[1]);
        var not = Assert.IsType<AndAtomExpr>(SmartsQuery.Parse("[!#6&X4]").Atoms[0]);
        Assert.IsType<NotAtomExpr>(not.Terms[0]);
    }

    [Theory]
    [InlineData("[H]", 1)]
    [InlineData("[2H]", 1)]
    [InlineData("[Hg]", 80)]
    [InlineData("[Cl]", 17)]
    [InlineData("[Rh]", 45)]
    [InlineData("[se]", 34)]
    [InlineData("[#53]", 53)]
    public void Reads_element_primitives(string smarts, int z)
    {
        Assert.Equal(z, SmartsQuery.Parse(smarts).Atoms[0].RequiredAtomicNumber);
    }

    [Fact]
    public void H_inside_a_bracket_after_an_element_is_a_hydrogen_count()
    {
        var and = Assert.IsType<AndAtomExpr>(SmartsQuery.Parse("[CH3]").Atoms[0]);
        var h = Assert.IsType<PropertyExpr>(and.Terms[1]);
        Assert.Equal(AtomProperty.TotalHydrogens, h.Property);
        Assert.Equal(3, h.Value);
    }

    [Theory]
    [InlineData("", "empty pattern")]
    [InlineData("C1CC", "ring bond 1 not closed")]
    [InlineData("C(C", "unclosed branch")]
    [InlineData("CC)", "unmatched ')'")]
    [InlineData("[CH3", "unclosed '['")]
    [InlineData("C=", "ends with a bond")]
    [InlineData("=C", "bond without an atom")]
    [InlineData("[#]", "expected an atomic number")]
    [InlineData("[#200]", "no element has atomic number 200")]
    [InlineData("[$(CC]", "unclosed '$('")]
    [InlineData("[$(C1CC)]", "in recursive SMARTS")]
    [InlineData("[Qq]", "unknown element 'Q'")]
    [InlineData("Q", "'Q' is not an atom outside brackets")]
    [InlineData("C..C", "'.' without an atom")]
    [InlineData("C%1C", "two digits after '%'")]
    [InlineData("[]", "empty bracket atom")]
    [InlineData("C=(C)C", "bond before '('")]
    [InlineData("C11", "closes on its own atom")]
    [InlineData("()C", "branch '(' before any atom")]
    public void Malformed_patterns_give_a_message_with_the_position(string smarts, string expected)
    {
        var e = Assert.Throws<SmartsParseException>(() => SmartsQuery.Parse(smarts));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains("position", e.Message, StringComparison.Ordinal);
        Assert.False(SmartsQuery.TryParse(smarts, out _, out var error));
        Assert.Equal(e.Message, error);
    }

    [Fact]
    public void Overlong_patterns_are_refused()
    {
        var e = Assert.Throws<SmartsParseException>(() => SmartsQuery.Parse(new string('C', 10_001)));
        Assert.Contains("longer than", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_recursion_is_refused_not_overflowed()
    {
        var s = string.Concat(Enumerable.Repeat("[$(", 60)) + "C" + string.Concat(Enumerable.Repeat(")]", 60));
        Assert.Throws<SmartsParseException>(() => SmartsQuery.Parse(s));
    }

    private static readonly char[] SmartsAlphabet = "CNOScnos[]()=#-:~@!&,;$*+1234%.HhRrXxDvaA{}/\\".ToCharArray();

    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public Property Random_strings_never_crash_the_reader() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Elements(SmartsAlphabet)).Select(cs => new string(cs)).ToArbitrary(),
            s =>
            {
                try
                {
                    SmartsQuery.Parse(s);
                }
                catch (SmartsParseException)
                {
                }
                return true;
            });

    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public Property Random_unicode_strings_never_crash_the_reader(string? s) =>
        (SmartsQuery.TryParse(s ?? "", out _, out var error) || error is not null).ToProperty();
}
