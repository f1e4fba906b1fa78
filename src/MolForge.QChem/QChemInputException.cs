namespace MolForge.QChem;

/// <summary>An input the quantum-chemistry core cannot handle (unknown element for the basis, overlapping atoms,
/// odd electron count, active space that does not fit, too many basis functions). The message names the input.</summary>
public sealed class QChemInputException : Exception
{
    public QChemInputException(string message) : base(message) { }
    public QChemInputException(string message, Exception inner) : base(message, inner) { }
    public QChemInputException() { }
}
