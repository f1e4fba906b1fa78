using MolForge.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddMolForgeWeb();

var app = builder.Build();
app.UseMolForgeWeb();
app.Run();
