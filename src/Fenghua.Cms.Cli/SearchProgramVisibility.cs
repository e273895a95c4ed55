// The CLI references Fenghua.Cms.Search, which brings the ASP.NET Core shared framework and with it the
// .NET 10 generator that makes a top-level Program public. Two public Program types (web host and CLI)
// would be ambiguous for WebApplicationFactory<Program> in the tests; declaring it keeps the CLI's internal.
internal partial class Program;
