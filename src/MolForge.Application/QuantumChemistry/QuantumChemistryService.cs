using System.Diagnostics;
using MolForge.QChem;
using MolForge.QChem.ActiveSpace;
using MolForge.QChem.Ci;
using MolForge.QChem.Scf;

namespace MolForge.Application.QuantumChemistry;

/// <summary>The scoring stage's quantum chemistry: geometry (.xyz / .sdf) → RHF → active space → CASCI.</summary>
public sealed class QuantumChemistryService
{
    /// <summary>Message for SMILES input until conformers can be generated.</summary>
    public const string SmilesNotYetSupported = "SMILES input needs the conformer generator (not yet available); give an .xyz or .sdf file with 3D coordinates";

    /// <summary>Message for --method vqe until the quantum engine is merged.</summary>
    public const string VqeNotYetSupported = "vqe needs the quantum engine (not yet merged)";

    /// <summary>Runs the job.</summary>
    /// <exception cref="QChemInputException">Bad input (file, element, charge, active space, size); the message says which.</exception>
    /// <exception cref="NotSupportedException">SMILES input or VQE (not yet available).</exception>
    public QuantumChemistryResult Run(QuantumChemistryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method == QChemMethod.Vqe) throw new NotSupportedException(VqeNotYetSupported);
        var clock = Stopwatch.StartNew();
        var geometry = ReadGeometry(request);
        var molecule = Molecule3D.FromAngstrom(geometry.AtomicNumbers, geometry.CoordinatesAngstrom, request.Charge ?? geometry.FormalCharge);
        molecule.RequireClosedShell();
        var active = request.Active ?? (request.Method == QChemMethod.Casci ? (2, 2) : ((int, int)?)null);
        if (active is { } a0)
        {
            // fail fast, before the SCF, when the active space cannot fit the electrons
            if (a0.Item1 % 2 != 0 || a0.Item1 <= 0 || a0.Item2 <= 0 || a0.Item1 > 2 * a0.Item2 || a0.Item1 / 2 > molecule.ElectronCount / 2)
                ActiveSpaceBuilder.Validate(a0.Item1, a0.Item2, molecule.ElectronCount / 2, int.MaxValue);
        }
        var scf = RhfSolver.Run(molecule, request.Basis, request.Scf, cancellationToken);
        ActiveSpaceIntegrals? ints = null;
        CasciResult? ci = null;
        if (active is { } a)
        {
            ints = ActiveSpaceBuilder.Build(scf, a.Item1, a.Item2);
            if (request.Method == QChemMethod.Casci) ci = CasciSolver.Solve(ints);
        }
        return new QuantumChemistryResult
        {
            Scf = scf, ActiveSpace = ints, CasciEnergy = ci?.Energy, CasciConverged = ci?.Converged,
            Seconds = clock.Elapsed.TotalSeconds, Title = geometry.Title,
        };
    }

    private static GeometryReader.Geometry ReadGeometry(QuantumChemistryRequest request)
    {
        if (request.InputText is { } text)
        {
            using var reader = new StringReader(text);
            return string.Equals(request.InputFormat, "sdf", StringComparison.OrdinalIgnoreCase) ? GeometryReader.ReadSdf(reader) : GeometryReader.ReadXyz(reader);
        }
        var input = request.Input;
        var ext = Path.GetExtension(input).ToLowerInvariant();
        if (ext is ".xyz" or ".sdf" or ".mol" or ".sd")
        {
            if (!File.Exists(input)) throw new QChemInputException($"input file not found: {input}");
            using var reader = File.OpenText(input);
            return ext == ".xyz" ? GeometryReader.ReadXyz(reader) : GeometryReader.ReadSdf(reader);
        }
        if (File.Exists(input)) throw new QChemInputException($"{input}: unknown input format (use .xyz or .sdf)");
        throw new NotSupportedException(SmilesNotYetSupported);
    }
}
