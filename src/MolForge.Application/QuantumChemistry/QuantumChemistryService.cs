using System.Diagnostics;
using MolForge.Application.Design;
using MolForge.Application.Scoring;
using MolForge.QChem;
using MolForge.QChem.ActiveSpace;
using MolForge.QChem.Ci;
using MolForge.QChem.Correlation;
using MolForge.QChem.Scf;

namespace MolForge.Application.QuantumChemistry;

/// <summary>The scoring stage's quantum chemistry: geometry (.xyz / .sdf) → RHF → MP2 → active space (canonical or MP2
/// natural orbitals) → CASCI / VQE.</summary>
public sealed class QuantumChemistryService(IVqeEngine? vqe = null)
{
    /// <summary>Runs the job.</summary>
    /// <exception cref="QChemInputException">Bad input (file, element, charge, active space, size); the message says which.</exception>
    /// <exception cref="NotSupportedException">A VQE backend that is not available.</exception>
    public QuantumChemistryResult Run(QuantumChemistryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var geometry = ReadGeometry(request);
        var molecule = Molecule3D.FromAngstrom(geometry.AtomicNumbers, geometry.CoordinatesAngstrom, request.Charge ?? geometry.FormalCharge);
        molecule.RequireClosedShell();
        var active = request.Active ?? (request.Method is QChemMethod.Casci or QChemMethod.Vqe ? (2, 2) : ((int, int)?)null);
        // fail fast, before the SCF, when the active space cannot fit the electrons (the virtual count is checked after it)
        if (active is { } a0) ActiveSpaceBuilder.Validate(a0.Item1, a0.Item2, molecule.ElectronCount / 2, int.MaxValue);
        var scf = RhfSolver.Run(molecule, request.Basis, request.Scf, cancellationToken);
        ActiveSpaceIntegrals? ints = null;
        CasciResult? ci = null;
        VqeOutcome? vqeOutcome = null;
        Mp2Result? mp2 = null;
        var naturalOrbitals = active is not null && request.Orbitals == ActiveOrbitals.Mp2Natural;
        if (active is { } av) ActiveSpaceBuilder.Validate(av.Item1, av.Item2, scf.OccupiedCount, scf.OrbitalEnergies.Length);
        var mp2Seconds = 0.0;
        if (request.Method == QChemMethod.Mp2 || naturalOrbitals)
        {
            var mp2Clock = Stopwatch.StartNew();
            mp2 = Mp2Solver.Run(scf, new Mp2Options { FrozenCore = request.FrozenCore, ComputeDensity = naturalOrbitals }, cancellationToken);
            mp2Seconds = mp2Clock.Elapsed.TotalSeconds;
        }
        if (active is { } a)
        {
            ints = naturalOrbitals ? ActiveSpaceBuilder.BuildFromNaturalOrbitals(scf, mp2!, a.Item1, a.Item2) : ActiveSpaceBuilder.Build(scf, a.Item1, a.Item2);
            if (request.Method == QChemMethod.Casci || (request.Method == QChemMethod.Vqe && ints.OrbitalCount <= 8)) ci = CasciSolver.Solve(ints);
            if (request.Method == QChemMethod.Vqe)
            {
                var engine = vqe ?? new StateVectorVqeEngine();
                var energies = ints.OrbitalEnergies ?? scf.OrbitalEnergies.AsSpan(ints.FirstActiveOrbital, ints.OrbitalCount).ToArray();
                vqeOutcome = engine.Run(ints, energies, request.Vqe ?? new ScoringSettings(), cancellationToken);
            }
        }
        return new QuantumChemistryResult
        {
            Scf = scf, Mp2 = mp2, Mp2Seconds = mp2Seconds, ActiveSpace = ints, CasciEnergy = ci?.Energy, CasciConverged = ci?.Converged, Vqe = vqeOutcome,
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
        // Not a file: a SMILES string, made 3D by the conformer generator as the scoring pipeline does.
        return SmilesGeometry.FromSmiles(input);
    }
}
