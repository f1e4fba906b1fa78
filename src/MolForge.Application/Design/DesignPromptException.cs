namespace MolForge.Application.Design;

/// <summary>A design prompt that cannot be used; <see cref="Errors"/> name each field and problem.</summary>
public sealed class DesignPromptException : Exception
{
    public DesignPromptException(IReadOnlyList<PromptError> errors)
        : base(string.Join("; ", errors.Select(e => e.ToString()))) => Errors = errors;

    public DesignPromptException() : this([]) { }

    public DesignPromptException(string message) : this([new PromptError("", message)]) { }

    public DesignPromptException(string message, Exception inner) : base(message, inner) => Errors = [new PromptError("", message)];

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<PromptError> Errors { get; }
}

/// <summary>One problem in a design prompt: the JSON field (e.g. <c>properties.clogp</c>) and what is wrong.</summary>
public sealed record PromptError(string Field, string Message)
{
    public override string ToString() => Field.Length == 0 ? Message : $"{Field}: {Message}";
}
