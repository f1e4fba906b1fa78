using System.CommandLine;
using System.Globalization;
using MolForge.Application.Design;
using MolForge.Application.QuantumChemistry;
using MolForge.Cli.Infrastructure;
using MolForge.QChem;

namespace MolForge.Cli.Verbs;

/// <summary>The input and quantum-chemistry options shared by `qchem`, `export-hamiltonian` and `qasm`: the geometry
/// (INPUT, --from, --charge), the SCF (--basis, --max-basis-functions, --max-iterations), the active space (--active,
/// --orbitals canonical|mp2), the MP2 (--frozen-core) and the qubit encoding (--mapping, --ansatz);
/// <see cref="Request"/> turns them into a service request.</summary>
internal sealed class QchemInputOptions
{
    public Argument<string> Input { get; } = new("input") { Description = "An .xyz file (Å), an .sdf with 3D coordinates, '-' (standard input, see --from) or a SMILES string." };
    public Option<int?> Charge { get; } = new("--charge") { Description = "Total charge (default: from the SDF, else 0)." };
    public Option<string> Basis { get; } = new("--basis") { Description = "Basis set: sto-3g, 6-31g or 6-31g*.", DefaultValueFactory = _ => "sto-3g" };
    public Option<string?> Active { get; } = new("--active") { Description = "Active space NE,NO: NE electrons in NO orbitals around the HOMO/LUMO, or the next NO MP2 natural orbitals by occupation with --orbitals mp2 (default 2,2 for casci, vqe and the Hamiltonian exports)." };
    public Option<string> From { get; } = new("--from") { Description = "Format of standard input: xyz or sdf.", DefaultValueFactory = _ => "xyz" };
    public Option<int> MaxBasis { get; } = new("--max-basis-functions") { Description = "Refuse larger basis sets.", DefaultValueFactory = _ => 600 };
    public Option<int> MaxIterations { get; } = new("--max-iterations") { Description = "SCF iteration limit.", DefaultValueFactory = _ => 100 };
    public Option<string?> Mapping { get; } = new("--mapping") { Description = "Fermion-to-qubit mapping: jordan-wigner, parity, bravyi-kitaev." };
    public Option<string?> Ansatz { get; } = new("--ansatz") { Description = "VQE ansatz: uccsd, adapt, hea." };
    public Option<string> Orbitals { get; } = new("--orbitals") { Description = "Orbitals of the active space: canonical (RHF, around the HOMO/LUMO) or mp2 (MP2 natural orbitals in descending occupation).", DefaultValueFactory = _ => "canonical" };
    public Option<int> FrozenCore { get; } = new("--frozen-core") { Description = "Lowest doubly occupied orbitals left out of the MP2 (method mp2 and --orbitals mp2).", DefaultValueFactory = _ => 0 };

    /// <summary>Adds the argument and the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(Input);
        foreach (var o in new Option[] { Charge, Basis, Active, From, MaxBasis, MaxIterations, Mapping, Ansatz, Orbitals, FrozenCore }) command.Options.Add(o);
    }

    /// <summary>The service request for <paramref name="method"/> (standard input read when INPUT is "-").</summary>
    public QuantumChemistryRequest Request(ParseResult r, CliIO io, QChemMethod method, ScoringSettings? vqe = null, (int, int)? defaultActive = null)
    {
        var path = r.GetValue(Input)!;
        var orbitals = Checked(r.GetValue(Orbitals)!.Trim().ToLowerInvariant(), ScoringSettings.OrbitalChoices, "--orbitals");
        var frozen = r.GetValue(FrozenCore);
        if (frozen < 0) throw new CliUsageException($"--frozen-core must be 0 or more, got {frozen.ToString(CultureInfo.InvariantCulture)}");
        return new QuantumChemistryRequest
        {
            Input = path,
            InputText = path == "-" ? io.In.ReadToEnd() : null,
            InputFormat = r.GetValue(From),
            Charge = r.GetValue(Charge),
            Basis = r.GetValue(Basis)!,
            Method = method,
            Active = ParseActive(r.GetValue(Active)) ?? defaultActive,
            Vqe = vqe,
            Orbitals = ScoringSettings.OrbitalSet(orbitals),
            FrozenCore = frozen,
            Scf = new MolForge.QChem.Scf.ScfOptions { MaxBasisFunctions = r.GetValue(MaxBasis), MaxIterations = r.GetValue(MaxIterations) },
        };
    }

    /// <summary>The mapping given (checked against the contract's names) or Jordan–Wigner.</summary>
    public string MappingOf(ParseResult r) => Checked(r.GetValue(Mapping) ?? "jordan-wigner", ScoringSettings.Mappings, "--mapping");

    /// <summary>The ansatz given (checked) or UCCSD.</summary>
    public string AnsatzOf(ParseResult r) => Checked(r.GetValue(Ansatz) ?? "uccsd", ScoringSettings.Ansatzes, "--ansatz");

    private static string Checked(string value, IReadOnlyList<string> allowed, string option) =>
        allowed.Contains(value) ? value : throw new CliUsageException($"{option} must be one of {string.Join(", ", allowed)}, got '{value}'");

    /// <summary>Parses --active NE,NO (both positive; whether they fit the molecule is checked by the active-space builder).</summary>
    public static (int, int)? ParseActive(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var p = text.Split(',');
        if (p.Length == 2 && int.TryParse(p[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ne)
            && int.TryParse(p[1].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var no) && ne > 0 && no > 0)
            return (ne, no);
        throw new CliUsageException($"--active expects NE,NO with positive numbers (e.g. 4,4), got '{text}'");
    }

    /// <summary>Runs the request; input errors (file, element, charge, active space, size, backend) become usage errors.</summary>
    public static QuantumChemistryResult Run(QuantumChemistryRequest request)
    {
        try
        {
            return new QuantumChemistryService().Run(request);
        }
        catch (Exception ex) when (ex is QChemInputException or NotSupportedException)
        {
            throw new CliUsageException(ex.Message, ex);
        }
    }

    /// <summary>Warns on standard error when the SCF did not converge (the result is still written).</summary>
    public static void WarnIfNotConverged(CliIO io, QuantumChemistryResult result)
    {
        if (!result.Scf.Converged)
            io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warning: SCF did not converge in {result.Scf.Iterations} iterations; last energy {result.Scf.Energy:F10}"));
    }
}
