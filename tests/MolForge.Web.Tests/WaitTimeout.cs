using System.Runtime.CompilerServices;
using Bunit;

namespace MolForge.Web.Tests;

/// <summary>bUnit waits one second by default for a render to satisfy <c>WaitForAssertion</c>/<c>WaitForElement</c>.
/// CI runs all test assemblies at once on two cores, where a first render (JIT, MudBlazor's services) can take longer:
/// a generous limit keeps the tests about behaviour, not speed; a passing wait still returns as soon as it holds.</summary>
internal static class WaitTimeout
{
#pragma warning disable CA2255 // a test assembly's global setting, applied before any test class is constructed
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Raise() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(30);
}
