import base from "../playwright.config";
export default { ...base, testDir: ".", outputDir: "/tmp/pw-probe-results", webServer: undefined, use: { ...base.use, baseURL: "http://127.0.0.1:3199" } };
