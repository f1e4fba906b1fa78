using BenchmarkDotNet.Running;

// One folder per core (Chem/, QChem/, Quantum/); run: dotnet run -c Release --project benchmarks/MolForge.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
