namespace MolForge.Chem.Core;

/// <summary>A point in Ångström, in double precision (quantum chemistry downstream needs it).</summary>
public readonly record struct Point3D(double X, double Y, double Z)
{
    public static Point3D operator +(Point3D a, Point3D b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);
    public static Point3D operator -(Point3D a, Point3D b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
    public static Point3D operator *(Point3D a, double s) => new(a.X * s, a.Y * s, a.Z * s);

    /// <summary>Euclidean distance.</summary>
    public double DistanceTo(Point3D other)
    {
        double dx = X - other.X, dy = Y - other.Y, dz = Z - other.Z;
        return Math.Sqrt((dx * dx) + (dy * dy) + (dz * dz));
    }
}

/// <summary>Coordinates for every atom of a molecule (index-aligned), 2D (Z = 0) or 3D.</summary>
public sealed class Conformer
{
    private readonly Point3D[] _positions;

    public Conformer(IEnumerable<Point3D> positions, bool is3D)
    {
        ArgumentNullException.ThrowIfNull(positions);
        _positions = positions.ToArray();
        Is3D = is3D;
    }

    /// <summary>True for 3D coordinates.</summary>
    public bool Is3D { get; }

    /// <summary>Number of positions (equals the molecule's atom count).</summary>
    public int Count => _positions.Length;

    /// <summary>Position of atom <paramref name="index"/>.</summary>
    public Point3D this[int index] => _positions[index];

    /// <summary>All positions.</summary>
    public ReadOnlySpan<Point3D> Positions => _positions;
}
